using System.Text;
using Eas.Actors.Sync.Email.Reading;

namespace Eas.Actors.Tests.Sync.Email.Reading;

/// <summary>The registered code-page provider answers as the one it wraps, asking it once per code page or name.</summary>
public sealed class CachedCodePagesTests
{
    [Fact]
    public void Each_code_page_and_name_is_asked_once_and_a_missing_one_is_remembered_as_missing()
    {
        var inner = new CountingProvider();
        var cached = new CachedCodePages(inner);

        cached.GetEncoding(932).ShouldBeSameAs(cached.GetEncoding(932));
        cached.GetEncoding(28591).ShouldBe(cached.GetEncoding(28591));
        cached.GetEncoding("Shift_JIS").ShouldBeSameAs(cached.GetEncoding("shift_jis"));
        cached.GetEncoding("x-unknown").ShouldBeNull();
        cached.GetEncoding("x-unknown").ShouldBeNull();

        inner.Asked.ShouldBe(["932", "28591", "Shift_JIS", "x-unknown"]);
    }

    [Fact]
    public void Past_the_bound_the_wrapped_provider_is_asked_each_time()
    {
        var inner = new CountingProvider();
        var cached = new CachedCodePages(inner);
        for (var i = 0; i < CachedCodePages.MaxEntries; i++) cached.GetEncoding($"label-{i}");

        cached.GetEncoding("one-more");
        cached.GetEncoding("one-more");

        inner.Asked.Count(name => name == "one-more").ShouldBe(2);
    }

    [Fact]
    public void The_registered_provider_resolves_code_pages_and_leaves_the_built_in_ones_to_dotnet()
    {
        Encoding.GetEncoding("shift_jis").GetString([0x93, 0xFA, 0x96, 0x7B]).ShouldBe("日本");
        Encoding.GetEncoding(1252).GetString([0x80]).ShouldBe("€");
        Encoding.GetEncoding("iso-8859-1").CodePage.ShouldBe(28591);
        Should.Throw<ArgumentException>(() => Encoding.GetEncoding("x-no-such-charset-label"));
        Should.Throw<ArgumentException>(() => Encoding.GetEncoding("x-no-such-charset-label"));
    }

    private sealed class CountingProvider : EncodingProvider
    {
        public List<string> Asked { get; } = [];

        public override Encoding? GetEncoding(int codepage)
        {
            Asked.Add(codepage.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return CodePagesEncodingProvider.Instance.GetEncoding(codepage);
        }

        public override Encoding? GetEncoding(string name)
        {
            Asked.Add(name);
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }
}
