using Eas.Wire.Wbxml;

namespace Eas.Wire.Tests.Commands;

/// <summary>Compares element trees through their XML form and reports the first differing line.</summary>
internal static class DocumentAssert
{
    public static void Same(WbxmlElement actual, WbxmlElement expected, string context)
    {
        var actualXml = WbxmlXml.ToXml(actual);
        var expectedXml = WbxmlXml.ToXml(expected);
        if (actualXml == expectedXml) return;
        var actualLines = actualXml.Split('\n');
        var expectedLines = expectedXml.Split('\n');
        var line = 0;
        while (line < actualLines.Length && line < expectedLines.Length && actualLines[line] == expectedLines[line]) line++;
        throw new Xunit.Sdk.XunitException(
            $"{context}: documents differ at line {line + 1}:\n expected: {At(expectedLines, line)}\n   actual: {At(actualLines, line)}\n\nexpected document:\n{expectedXml}\n\nactual document:\n{actualXml}");
    }

    private static string At(string[] lines, int index) => index < lines.Length ? lines[index].Trim() : "(end of document)";
}
