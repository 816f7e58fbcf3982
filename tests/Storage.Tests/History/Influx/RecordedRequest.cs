using System.IO.Compression;
using System.Text;

namespace IotService.Storage.Tests.History.Influx;

/// <summary>What a store sent: method, address, content encodings and the body as sent.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyList<string> ContentEncoding, byte[] Body)
{
    public bool IsWrite => Uri.AbsolutePath.EndsWith("/write", StringComparison.Ordinal);

    /// <summary>The body as text, gunzipped when it was sent compressed.</summary>
    public string Text()
    {
        if (!ContentEncoding.Contains("gzip"))
        {
            return Encoding.UTF8.GetString(Body);
        }

        using var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
