namespace Eas.Mail.Mime;

/// <summary>A text cut to a limit: what was kept, whether anything was cut, and the size of the whole text.</summary>
/// <param name="Text">The kept prefix; it never ends inside a character (UTF-8 sequence or surrogate pair).</param>
/// <param name="Truncated">Whether the whole text was longer than the limit.</param>
/// <param name="FullSize">The whole text's size in the unit asked for.</param>
public readonly record struct TruncatedText(string Text, bool Truncated, long FullSize);

/// <summary>
/// Cuts text to a size on a character boundary. EAS clients give TruncationSize in bytes of UTF-8, so a cut
/// must land between UTF-8 sequences: a limit of 4 on "añño" (1, 2, 2 and 1 bytes) keeps "añ", 3 bytes,
/// rather than half of the second "ñ".
/// </summary>
public static class TextTruncation
{
    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="limit"/> units (negative counts as zero).</summary>
    public static TruncatedText Truncate(string text, long limit, TruncationUnit unit = TruncationUnit.Utf8Bytes)
    {
        var fullSize = Measure(text, unit);
        if (fullSize <= limit) return new TruncatedText(text, false, fullSize);
        return new TruncatedText(text[..PrefixLength(text, Math.Max(0, limit), unit)], true, fullSize);
    }

    /// <summary>The size of <paramref name="text"/> in <paramref name="unit"/>; a lone surrogate counts as U+FFFD (3 bytes).</summary>
    public static long Measure(ReadOnlySpan<char> text, TruncationUnit unit)
    {
        if (unit == TruncationUnit.Characters) return text.Length;
        long size = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var paired = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            size += UnitSize(text[i], paired, unit);
            if (paired) i++;
        }

        return size;
    }

    /// <summary>How many chars of <paramref name="text"/> fit in <paramref name="limit"/> units without splitting a character.</summary>
    internal static int PrefixLength(ReadOnlySpan<char> text, long limit, TruncationUnit unit)
    {
        long size = 0;
        var i = 0;
        while (i < text.Length)
        {
            var paired = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var next = UnitSize(text[i], paired, unit);
            if (size + next > limit) break;
            size += next;
            i += paired ? 2 : 1;
        }

        return i;
    }

    /// <summary>The size of one character: <paramref name="c"/>, or the pair it starts when <paramref name="paired"/>.</summary>
    internal static int UnitSize(char c, bool paired, TruncationUnit unit)
    {
        if (unit == TruncationUnit.Characters) return paired ? 2 : 1;
        if (paired) return 4;
        return c switch { < '\u0080' => 1, < '\u0800' => 2, _ => 3 };
    }
}
