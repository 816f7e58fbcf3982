using System.Buffers.Text;
using System.Text;

namespace IotService.Storage.Catalogs;

/// <summary>
/// Keyset paging over lists ordered by id (ascending, or descending for newest-first lists of time-ordered ids):
/// the opaque cursor carries the last id of the previous page (base64url, behind a short version tag so a stray string is recognised as garbage, not taken as an id).
/// </summary>
internal static class KeysetCursor
{
    public const int MaxLimit = 1000;

    /// <summary>The tag of cursors that carry an id alone.</summary>
    public const string IdTag = "k1:";
    private const int MaxCursorLength = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int ClampLimit(int limit) => Math.Clamp(limit, 1, MaxLimit);

    /// <param name="tag">Tells cursors of different orders apart, so one handed out for another order is refused, not misread.</param>
    public static string Encode(string lastKey, string tag = IdTag) => Base64Url.EncodeToString(StrictUtf8.GetBytes(tag + lastKey));

    /// <summary>
    /// The page of <paramref name="rows"/>, read with <c>LIMIT</c> <paramref name="limit"/> + 1: the row past the
    /// page tells whether another page exists without a COUNT, and is dropped.
    /// </summary>
    public static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, string> idOf, string tag = IdTag)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return new Page<T>(rows, Encode(idOf(rows[^1]), tag));
    }

    /// <summary>The key to continue after; the empty string (before every id) when there is no cursor.</summary>
    /// <exception cref="ArgumentException">The cursor was not produced by <see cref="Encode"/> with <paramref name="tag"/>.</exception>
    public static string Decode(string? cursor, string tag = IdTag)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return string.Empty;
        }

        string text;
        try
        {
            text = cursor.Length <= MaxCursorLength
                ? StrictUtf8.GetString(Base64Url.DecodeFromChars(cursor))
                : string.Empty;
        }
        catch (Exception exception) when (exception is FormatException or DecoderFallbackException)
        {
            throw Invalid(exception);
        }

        if (!text.StartsWith(tag, StringComparison.Ordinal) || text.Length == tag.Length)
        {
            throw Invalid(null);
        }

        return text[tag.Length..];
    }

    private static InvalidCursorException Invalid(Exception? inner) => new(inner);
}
