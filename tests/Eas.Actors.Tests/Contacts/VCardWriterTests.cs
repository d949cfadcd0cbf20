using System.Text;
using Eas.Actors.Sync.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>The vCard 4.0 writer: RFC 6350 3.2 (CRLF, folding at 75 octets), 3.4 (escapes), RFC 6868 (parameters).</summary>
public sealed class VCardWriterTests
{
    private static readonly string[] Samples = ["é", "😀", "a", "中"];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RFC6350_3_2_lines_fold_at_75_octets_without_splitting_a_UTF_8_sequence(int sample)
    {
        var value = string.Concat(Enumerable.Repeat(Samples[sample], 200)) + "x";
        var text = VCardWriter.Write([new VCardProperty("NOTE", value)]);

        text.ShouldEndWith("\r\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\r');
        var lines = text.Split("\r\n")[..^1];
        foreach (var line in lines)
        {
            Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75);
            line.ShouldNotContain('\uFFFD');
        }

        lines.Count(l => l.StartsWith(' ')).ShouldBeGreaterThanOrEqualTo(2);
        VCardReader.Read(text).First("NOTE")!.Value.ShouldBe(value);
    }

    [Fact]
    public void VERSION_follows_BEGIN_and_parameters_are_quoted_and_caret_escaped()
    {
        var property = new VCardProperty("g1", "ADR", [new VCardParameter("LABEL", "1 Main; \"HQ\"\nSpringfield"), new VCardParameter("TYPE", ["work", "x-y"])], ";;1 Main;;;;");
        var text = VCardWriter.Write([property]);
        text.ShouldBe("BEGIN:VCARD\r\nVERSION:4.0\r\ng1.ADR;LABEL=\"1 Main; ^'HQ^'^nSpringfield\";TYPE=work,x-y:;;1 Main;;;;\r\nEND:VCARD\r\n");
        var read = VCardReader.Read(text).First("ADR")!;
        read.Parameter("LABEL").ShouldBe("1 Main; \"HQ\"\nSpringfield");
        read.Group.ShouldBe("g1");
    }
}
