namespace IotService.Storage.History.Spool;

/// <summary>
/// When the records not yet forwarded were appended: (end position, first append time) per commit
/// group, oldest first. Not thread-safe (the ledger's lock guards it). Bounded for long outages:
/// past the cap, new groups are folded into the last one, which can only make the reported age
/// older than the truth, never younger.
/// </summary>
internal sealed class PendingAges
{
    private const int MaxGroups = 4096;
    private readonly Queue<Group> _groups = new();
    private Group? _last;

    public DateTimeOffset? Oldest => _groups.TryPeek(out var group) ? DateTimeOffset.FromUnixTimeMilliseconds(group.AppendedAtUnixMs) : null;

    public void Add(SpoolPosition end, long appendedAtUnixMs)
    {
        if (_last is not null && _groups.Count >= MaxGroups)
        {
            _last.End = end;
            return;
        }

        _last = new Group(end, appendedAtUnixMs);
        _groups.Enqueue(_last);
    }

    public void ForwardedTo(SpoolPosition checkpoint)
    {
        while (_groups.TryPeek(out var group) && group.End <= checkpoint)
        {
            _groups.Dequeue();
        }

        if (_groups.Count == 0)
        {
            _last = null;
        }
    }

    private sealed class Group(SpoolPosition end, long appendedAtUnixMs)
    {
        public SpoolPosition End { get; set; } = end;

        public long AppendedAtUnixMs { get; } = appendedAtUnixMs;
    }
}
