namespace IotService.Storage.History;

public interface IHistoryStatusSource
{
    HistoryStatus Current();
}
