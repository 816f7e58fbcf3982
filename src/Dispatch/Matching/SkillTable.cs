using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Matching;

/// <summary>
/// Skills interned to small integers (names compared ordinally), each technician's levels in one flat array, and
/// the technicians holding each skill — so eligibility is an array scan, not a dictionary lookup per technician.
/// </summary>
internal sealed class SkillTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly int[] _start;
    private readonly int[] _skill;
    private readonly int[] _level;
    private readonly int[][] _holders;

    public SkillTable(IReadOnlyList<Technician> technicians)
    {
        var entries = 0;
        foreach (var t in technicians)
        {
            entries += t.Skills.Count;
        }

        _start = new int[technicians.Count + 1];
        _skill = new int[entries];
        _level = new int[entries];
        var holders = new List<List<int>>();
        var e = 0;
        for (var i = 0; i < technicians.Count; i++)
        {
            _start[i] = e;
            foreach (var (name, level) in technicians[i].Skills)
            {
                if (!_ids.TryGetValue(name, out var id))
                {
                    id = _ids.Count;
                    _ids.Add(name, id);
                    holders.Add([]);
                }

                _skill[e] = id;
                _level[e] = level;
                holders[id].Add(i);
                e++;
            }
        }

        _start[technicians.Count] = e;
        _holders = [.. holders.Select(h => h.ToArray())];
    }

    /// <summary>The skill's id, or −1 when no technician holds it.</summary>
    public int IdOf(string skill) => _ids.TryGetValue(skill, out var id) ? id : -1;

    /// <summary>The technician's level in the skill, or −1 when not held.</summary>
    public int LevelOf(int technician, int skillId)
    {
        for (var e = _start[technician]; e < _start[technician + 1]; e++)
        {
            if (_skill[e] == skillId)
            {
                return _level[e];
            }
        }

        return -1;
    }

    public ReadOnlySpan<int> Holders(int skillId) => skillId < 0 ? [] : _holders[skillId];
}
