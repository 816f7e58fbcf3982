namespace IotService.Ingest.Diagnostics;

/// <summary>Text from clients as it goes into a log line: a client chooses its length, so it is cut.</summary>
public static class LogText
{
    public const int MaxChars = 80;

    public static string Shorten(string text) => text.Length <= MaxChars ? text : text[..MaxChars] + "…";
}
