using IotService.Dashboard.Api;

namespace IotService.Dashboard.Alarms;

/// <summary>Optional body of <c>POST /api/alarms/{id}/ack</c> and <c>/clear</c>: a note kept in the alarm's history.</summary>
public sealed record AlarmStepRequest(string? Note = null)
{
    public const int MaxNoteLength = 1000;

    /// <returns>The trimmed note, or null when there is none.</returns>
    public static string? NoteOf(AlarmStepRequest? request)
    {
        var note = request?.Note?.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw RequestValidationException.For("note", $"at most {MaxNoteLength} characters");
        }

        return string.IsNullOrEmpty(note) ? null : note;
    }
}
