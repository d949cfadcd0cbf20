using System.Globalization;
using System.Text;

namespace Eas.Mail.Imap;

/// <summary>
/// An immutable set of message UIDs kept as sorted, disjoint, non-adjacent ranges, written in the
/// <c>sequence-set</c> syntax of RFC 3501 section 9 (<c>1:5,7,9:*</c>). UIDs are 32-bit non-zero numbers
/// (RFC 3501 section 2.3.1.1). <see cref="Star"/> stands for <c>*</c>, "the largest UID in use"; note that on
/// the server <c>9:*</c> means <c>*:9</c> when the largest UID is below 9 (RFC 3501 section 6.4.8), which this
/// type, knowing no mailbox, does not model.
/// </summary>
public sealed class UidSet : IEquatable<UidSet>
{
    /// <summary>The value that stands for <c>*</c>.</summary>
    public const uint Star = uint.MaxValue;

    private readonly UidRange[] _ranges;

    private UidSet(UidRange[] ranges) => _ranges = ranges;

    public static UidSet Empty { get; } = new([]);

    /// <summary><c>1:*</c>: every message.</summary>
    public static UidSet All { get; } = new([new UidRange(1, Star)]);

    /// <summary>The sorted, merged ranges.</summary>
    public IReadOnlyList<UidRange> Ranges => _ranges;

    public bool IsEmpty => _ranges.Length == 0;

    /// <summary>Whether the set ends in <c>*</c>, so its members depend on the mailbox.</summary>
    public bool IsOpenEnded => _ranges.Length > 0 && _ranges[^1].End == Star;

    /// <summary>The number of UIDs, counting <c>*</c> as the number 4294967295.</summary>
    public long Count => _ranges.Sum(range => (long)range.End - range.Start + 1);

    /// <summary>The lowest UID; <see langword="null"/> for the empty set.</summary>
    public uint? Min => _ranges.Length == 0 ? null : _ranges[0].Start;

    /// <summary>The highest UID (<see cref="Star"/> when open-ended); <see langword="null"/> for the empty set.</summary>
    public uint? Max => _ranges.Length == 0 ? null : _ranges[^1].End;

    public static UidSet Single(uint uid) => Range(uid, uid);

    /// <summary>The UIDs from <paramref name="first"/> to <paramref name="last"/> in either order; <see cref="Star"/> for <c>*</c>.</summary>
    public static UidSet Range(uint first, uint last)
    {
        ArgumentOutOfRangeException.ThrowIfZero(first);
        ArgumentOutOfRangeException.ThrowIfZero(last);
        return new([new UidRange(Math.Min(first, last), Math.Max(first, last))]);
    }

    public static UidSet From(IEnumerable<uint> uids) => FromRanges(uids.Select(uid => new UidRange(uid, uid)));

    public static UidSet FromRanges(IEnumerable<UidRange> ranges)
    {
        var sorted = ranges.Select(range =>
        {
            if (range.Start == 0 || range.End == 0) throw new ArgumentException("UIDs start at 1 (RFC 3501 section 2.3.1.1).", nameof(ranges));
            return range.Start <= range.End ? range : new UidRange(range.End, range.Start);
        }).OrderBy(range => range.Start).ToList();

        var merged = new List<UidRange>(sorted.Count);
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && (ulong)range.Start <= (ulong)merged[^1].End + 1)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, range.End) };
                continue;
            }

            merged.Add(range);
        }

        return new([.. merged]);
    }

    /// <summary>Parses <c>sequence-set</c> syntax; throws <see cref="FormatException"/> when malformed.</summary>
    public static UidSet Parse(string text) =>
        TryParse(text, out var set) ? set : throw new FormatException($"\"{text}\" is not an IMAP sequence set (RFC 3501 section 9).");

    public static bool TryParse(string? text, out UidSet set)
    {
        set = Empty;
        if (string.IsNullOrEmpty(text)) return false;
        if (ParseOrderedRanges(text) is not { } parsed) return false;
        set = FromRanges(parsed.Select(range => new UidRange(range.First, range.Last)));
        return true;
    }

    public bool Contains(uint uid)
    {
        int low = 0, high = _ranges.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (uid < _ranges[middle].Start) high = middle - 1;
            else if (uid > _ranges[middle].End) low = middle + 1;
            else return true;
        }

        return false;
    }

    public UidSet Union(UidSet other) => FromRanges(_ranges.Concat(other._ranges));

    /// <summary>The UIDs in ascending order; refused for an open-ended set, whose members the server decides.</summary>
    public IEnumerable<uint> Enumerate()
    {
        if (IsOpenEnded) throw new InvalidOperationException($"The set {this} ends in '*' and cannot be enumerated.");
        return EnumerateCore(_ranges);
    }

    public uint[] ToArray() => [.. Enumerate()];

    /// <summary>The set in <c>sequence-set</c> syntax; <c>""</c> for the empty set, which IMAP cannot express.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var range in _ranges)
        {
            if (text.Length > 0) text.Append(',');
            text.Append(Format(range.Start));
            if (range.End != range.Start) text.Append(':').Append(Format(range.End));
        }

        return text.ToString();
    }

    public bool Equals(UidSet? other) => other is not null && _ranges.AsSpan().SequenceEqual(other._ranges);

    public override bool Equals(object? obj) => obj is UidSet other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var range in _ranges) hash.Add(range);
        return hash.ToHashCode();
    }

    /// <summary>
    /// The UIDs in the order the text lists them (ranges ascending), as RFC 4315 section 3 pairs the source
    /// and destination sets of <c>COPYUID</c>. Throws <see cref="FormatException"/> for malformed or open-ended text.
    /// </summary>
    internal static List<uint> ExpandInOrder(string text)
    {
        var uids = new List<uint>();
        foreach (var (first, last) in ParseOrderedRanges(text) ?? throw new FormatException($"\"{text}\" is not a UID set."))
        {
            if (last == Star) throw new FormatException($"\"{text}\" is not a closed UID set.");
            for (var uid = first; ; uid++)
            {
                uids.Add(uid);
                if (uid == last) break;
            }
        }

        return uids;
    }

    private static IEnumerable<uint> EnumerateCore(UidRange[] ranges)
    {
        foreach (var range in ranges)
        {
            for (var uid = range.Start; ; uid++)
            {
                yield return uid;
                if (uid == range.End) break;
            }
        }
    }

    /// <summary>Each element of the text as (lower, upper); <see langword="null"/> for malformed text.</summary>
    private static List<(uint First, uint Last)>? ParseOrderedRanges(string text)
    {
        var result = new List<(uint, uint)>();
        foreach (var element in text.Split(','))
        {
            var colon = element.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                if (!TryParseNumber(element, out var uid)) return null;
                result.Add((uid, uid));
                continue;
            }

            if (!TryParseNumber(element[..colon], out var a) || !TryParseNumber(element[(colon + 1)..], out var b)) return null;
            result.Add((Math.Min(a, b), Math.Max(a, b)));
        }

        return result;
    }

    private static bool TryParseNumber(string text, out uint value)
    {
        if (text == "*")
        {
            value = Star;
            return true;
        }

        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value != 0;
    }

    private static string Format(uint uid) => uid == Star ? "*" : uid.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The UIDs from <see cref="Start"/> to <see cref="End"/> inclusive; <see cref="UidSet.Star"/> is <c>*</c>.</summary>
public readonly record struct UidRange(uint Start, uint End);
