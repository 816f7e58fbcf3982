using System.Buffers;
using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Payloads;

/// <summary>The values of the reading being parsed, in a pooled array reused across the readings of a message.</summary>
internal struct ValueBuffer
{
    private PropertyReading[] _items;
    private int _count;
    private int _ignored;

    public ValueBuffer()
    {
        _items = [];
    }

    public readonly int Count => _count;

    /// <summary>Undeclared values dropped under <c>UnknownPropertyPolicy.Ignore</c>.</summary>
    public readonly int Ignored => _ignored;

    public void Clear()
    {
        _count = 0;
        _ignored = 0;
    }

    public void Ignore() => _ignored++;

    /// <summary>Duplicate properties: the last value wins. Declared names are shared instances, so compare by reference.</summary>
    public void Store(string property, double value)
    {
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_items[i].Property, property))
            {
                _items[i] = new PropertyReading(property, value);
                return;
            }
        }

        if (_count == _items.Length)
        {
            var larger = ArrayPool<PropertyReading>.Shared.Rent(Math.Max(16, _items.Length * 2));
            _items.AsSpan(0, _count).CopyTo(larger);
            Return();
            _items = larger;
        }

        _items[_count++] = new PropertyReading(property, value);
    }

    public readonly PropertyReading[] ToArray() => _count == 0 ? [] : _items.AsSpan(0, _count).ToArray();

    public readonly void Return()
    {
        // Not cleared: the only references held are the schema's long-lived name strings.
        if (_items.Length > 0)
        {
            ArrayPool<PropertyReading>.Shared.Return(_items);
        }
    }
}
