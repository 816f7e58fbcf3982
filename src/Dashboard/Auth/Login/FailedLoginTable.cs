namespace IotService.Dashboard.Auth.Login;

/// <summary>
/// Failed sign-ins per key (an unknown user name, a client address) kept in memory, bounded: when full, the key that
/// failed longest ago is forgotten. Locks a key out the way Identity locks a user: after <c>threshold</c> failures in a
/// row, for <c>lockout</c>, with the count starting again afterwards.
/// </summary>
public sealed class FailedLoginTable(int threshold, TimeSpan lockout, int capacity, TimeProvider time, TimeSpan? forgetAfter = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _byLastFailure = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <returns>How long the key stays locked out, or null when it is not.</returns>
    public TimeSpan? LockedFor(string key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _entries.TryGetValue(key, out var node) && node.Value.LockedUntil > now ? node.Value.LockedUntil - now : null;
        }
    }

    /// <summary>Counts a failure.</summary>
    /// <returns>The lockout this failure started, or null.</returns>
    public TimeSpan? Fail(string key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _byLastFailure.Remove(node);
                if (forgetAfter is { } quiet && now - node.Value.LastFailure >= quiet)
                {
                    node.Value.Failures = 0;
                }
            }
            else
            {
                node = new LinkedListNode<Entry>(new Entry(key));
                _entries[key] = node;
                if (_entries.Count > capacity)
                {
                    _entries.Remove(_byLastFailure.First!.Value.Key);
                    _byLastFailure.RemoveFirst();
                }
            }

            _byLastFailure.AddLast(node);
            var entry = node.Value;
            entry.LastFailure = now;
            if (++entry.Failures < threshold)
            {
                return null;
            }

            entry.Failures = 0;
            entry.LockedUntil = now + lockout;
            return lockout;
        }
    }

    private sealed class Entry(string key)
    {
        public string Key { get; } = key;

        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
