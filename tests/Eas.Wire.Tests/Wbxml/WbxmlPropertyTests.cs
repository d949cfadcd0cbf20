using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using FsCheck;
using FsCheck.Fluent;

namespace Eas.Wire.Tests.Wbxml;

/// <summary>FsCheck properties: valid trees round-trip, and no input raises anything but WbxmlException.</summary>
public sealed class WbxmlPropertyTests
{
    private static readonly ushort[] AllTags = Enumerable.Range(0, (CodePageTable.LastPage + 1) * 256)
        .Select(i => (ushort)i)
        .Where(CodePageTable.IsKnown)
        .ToArray();

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static Gen<WbxmlElement> ElementGen(int size)
    {
        var tag = Gen.Elements(AllTags);
        var text = ArbMap.Default.GeneratorFor<NonNull<string>>()
            .Select(s => s.Get.Replace("\0", string.Empty, StringComparison.Ordinal))
            .Where(s => s.Length > 0 && !HasLoneSurrogate(s));
        var leafText = tag.SelectMany(t => text.Select(s => WbxmlElement.WithText(t, s)));
        var leafOpaque = tag.SelectMany(t => ArbMap.Default.GeneratorFor<byte[]>().Select(b => WbxmlElement.WithOpaque(t, b)));
        var leafEmpty = tag.Select(t => new WbxmlElement(t));
        if (size <= 0) return Gen.OneOf(leafText, leafOpaque, leafEmpty);
        var parent = tag.SelectMany(t => Gen.ListOf(ElementGen(size / 3)).Resize(4)
            .Select(children => WbxmlElement.WithChildren(t, children)));
        return Gen.Frequency((2, leafText), (1, leafOpaque), (1, leafEmpty), (3, parent));
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return true;
        }

        return false;
    }

    [Fact]
    public void Random_valid_trees_round_trip_through_bytes_and_xml()
    {
        Prop.ForAll(Gen.Sized(ElementGen).ToArbitrary(), tree =>
        {
            var bytes = WbxmlWriter.Encode(tree);
            var decoded = WbxmlDocument.Parse(bytes);
            var again = WbxmlWriter.Encode(decoded);
            var viaXml = WbxmlWriter.Encode(WbxmlXml.Parse(WbxmlXml.ToXml(decoded)));
            return again.AsSpan().SequenceEqual(bytes) && viaXml.AsSpan().SequenceEqual(bytes);
        }).Check(Config);
    }

    [Fact]
    public void Random_bytes_raise_nothing_but_WbxmlException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var withHeader = new byte[] { 0x03, 0x01, 0x6A, 0x00 }.Concat(bytes).ToArray();
            return DecodesOrRejects(bytes) && DecodesOrRejects(withHeader);
        }).Check(Config.WithMaxTest(5000));
    }

    [Fact]
    public void Mutated_valid_documents_raise_nothing_but_WbxmlException()
    {
        var mutations = from tree in Gen.Sized(ElementGen)
                        let bytes = WbxmlWriter.Encode(tree)
                        from position in Gen.Choose(0, bytes.Length - 1)
                        from value in ArbMap.Default.GeneratorFor<byte>()
                        from truncate in ArbMap.Default.GeneratorFor<bool>()
                        select Mutate(bytes, position, value, truncate);
        Prop.ForAll(mutations.ToArbitrary(), DecodesOrRejects).Check(Config.WithMaxTest(3000));
    }

    private static byte[] Mutate(byte[] bytes, int position, byte value, bool truncate)
    {
        var copy = (byte[])bytes.Clone();
        copy[position] = value;
        return truncate ? copy[..position] : copy;
    }

    private static bool DecodesOrRejects(byte[] bytes)
    {
        try
        {
            var tree = WbxmlDocument.Parse(bytes);
            _ = WbxmlXml.ToXml(tree);
            return true;
        }
        catch (WbxmlException)
        {
            return true;
        }
    }
}
