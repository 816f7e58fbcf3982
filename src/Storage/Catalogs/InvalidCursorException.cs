namespace IotService.Storage.Catalogs;

/// <summary>A list cursor that this hub did not hand out (or that was altered): the caller's mistake, answered 400.</summary>
public sealed class InvalidCursorException(Exception? inner)
    : ArgumentException("The cursor is not valid: pass the nextCursor of the previous page unchanged, or none for the first page.", "cursor", inner);
