using System.Text;

namespace Eas.Fuzz;

/// <summary>
/// Counts rejections by reason, with stand-alone numbers taken out when asked ("Unknown code page #"),
/// so the summary shows which checks the mutated inputs reached and how often.
/// </summary>
internal sealed class RejectionTally(bool maskNumbers)
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly StringBuilder _scratch = new();

    public void Add(string reason)
    {
        var key = maskNumbers ? MaskNumbers(reason) : reason;
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    public IEnumerable<KeyValuePair<string, long>> Top(int count) =>
        _counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal).Take(count);

    public int Distinct => _counts.Count;

    private string MaskNumbers(string reason)
    {
        _scratch.Clear();
        for (var i = 0; i < reason.Length; i++)
        {
            var c = reason[i];
            if (c == '0' && i + 1 < reason.Length && reason[i + 1] == 'x')
            {
                i += 2;
                while (i < reason.Length && char.IsAsciiHexDigit(reason[i])) i++;
                i--;
                _scratch.Append("0x#");
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || !(char.IsAsciiLetter(reason[i - 1]) || reason[i - 1] == '-')))
            {
                while (i + 1 < reason.Length && char.IsAsciiDigit(reason[i + 1])) i++;
                _scratch.Append('#');
            }
            else
            {
                _scratch.Append(c);
            }
        }

        return _scratch.ToString();
    }
}
