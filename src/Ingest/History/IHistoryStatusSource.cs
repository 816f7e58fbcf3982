namespace IotService.Ingest.History;

public interface IHistoryStatusSource
{
    HistoryStatus Current();
}
