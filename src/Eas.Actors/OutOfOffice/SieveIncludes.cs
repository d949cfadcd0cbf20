namespace Eas.Actors.OutOfOffice;

/// <summary>
/// How the out-of-office script comes to run (RFC 6609 include): the user's active script gets one line,
/// <c>require "include"; include :personal "eas-oof";</c>, placed right after its leading <c>require</c> commands so
/// the reply is decided before the user's own rules can <c>stop</c>; nothing else of the script changes, byte for
/// byte. A user with no active script gets a small one of ours, <see cref="RulesScriptName"/>, holding only that line.
/// A script that already holds the line is left as it is.
/// </summary>
public static class SieveIncludes
{
    /// <summary>The active script we create for a user who has none.</summary>
    public const string RulesScriptName = "eas-rules";

    /// <summary>The one line added to the user's active script.</summary>
    public static readonly string IncludeLine = $"require \"include\"; include :personal {OofScript.Quoted(OofScript.ScriptName)};";

    private static readonly string IncludeCommand = $"include :personal {OofScript.Quoted(OofScript.ScriptName)};";

    /// <summary>The active script to create for a user who has none.</summary>
    public static string RulesScript => "# Made active by the ActiveSync server to run the out-of-office rules; add your own rules below.\r\n" + IncludeLine + "\r\n";

    /// <summary>Whether the script already runs ours.</summary>
    public static bool Includes(string script) => script.Contains(IncludeCommand, StringComparison.Ordinal);

    /// <summary>The user's script with <see cref="IncludeLine"/> added after its leading requires (or first, when it has none).</summary>
    public static string AddTo(string script)
    {
        var end = EndOfRequires(script);
        return end == 0 ? IncludeLine + "\r\n" + script : script.Insert(end, "\r\n" + IncludeLine);
    }

    /// <summary>
    /// Where the leading <c>require</c> commands end (just after the last one's semicolon), skipping white space,
    /// <c>#</c> and <c>/* */</c> comments and the quoted strings and lists inside each require; 0 when the script
    /// starts with anything else.
    /// </summary>
    public static int EndOfRequires(string script)
    {
        var position = 0;
        var end = 0;
        while (true)
        {
            position = SkipBlanks(script, position);
            if (!IsRequireAt(script, position)) return end;
            position += "require".Length;
            while (position < script.Length && script[position] != ';')
            {
                if (script[position] == '"') position = SkipQuoted(script, position);
                else if (script[position] == '#' || (script[position] == '/' && position + 1 < script.Length && script[position + 1] == '*')) position = SkipBlanks(script, position);
                else position++;
            }

            if (position >= script.Length) return end;
            end = ++position;
        }
    }

    private static bool IsRequireAt(string script, int position) =>
        string.Compare(script, position, "require", 0, "require".Length, StringComparison.OrdinalIgnoreCase) == 0
        && position + "require".Length < script.Length
        && !char.IsAsciiLetterOrDigit(script[position + "require".Length]) && script[position + "require".Length] != '_';

    private static int SkipBlanks(string script, int position)
    {
        while (position < script.Length)
        {
            if (char.IsWhiteSpace(script[position]))
            {
                position++;
            }
            else if (script[position] == '#')
            {
                var newline = script.IndexOf('\n', position);
                position = newline < 0 ? script.Length : newline + 1;
            }
            else if (script[position] == '/' && position + 1 < script.Length && script[position + 1] == '*')
            {
                var close = script.IndexOf("*/", position + 2, StringComparison.Ordinal);
                position = close < 0 ? script.Length : close + 2;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    private static int SkipQuoted(string script, int position)
    {
        for (position++; position < script.Length; position++)
        {
            if (script[position] == '\\') position++;
            else if (script[position] == '"') return position + 1;
        }

        return position;
    }
}
