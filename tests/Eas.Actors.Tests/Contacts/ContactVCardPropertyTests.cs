using System.Collections.Immutable;
using System.Globalization;
using Eas.Actors.Sync.Contacts;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using FsCheck;
using FsCheck.Fluent;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>FsCheck: any contact survives vCard and WBXML, and no text makes the reader throw anything but VCardFormatException.</summary>
public sealed class ContactVCardPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly ushort[] Dates = [ContactsPage.Birthday, ContactsPage.Anniversary];
    private static readonly ushort[] Emails = [ContactsPage.Email1Address, ContactsPage.Email2Address, ContactsPage.Email3Address];
    private static readonly ushort[] Ims = [Contacts2.IMAddress, Contacts2.IMAddress2, Contacts2.IMAddress3];

    private static readonly ushort[] Phones =
    [
        ContactsPage.BusinessPhoneNumber, ContactsPage.Business2PhoneNumber, ContactsPage.HomePhoneNumber, ContactsPage.Home2PhoneNumber,
        ContactsPage.MobilePhoneNumber, ContactsPage.CarPhoneNumber, ContactsPage.PagerNumber, ContactsPage.RadioPhoneNumber,
        ContactsPage.BusinessFaxNumber, ContactsPage.HomeFaxNumber, ContactsPage.AssistantPhoneNumber, Contacts2.CompanyMainPhone, Contacts2.MMS,
    ];

    private static readonly ushort[] Texts = Enumerable.Range(0x0105, 0x3A)
        .Select(t => (ushort)t)
        .Concat([ContactsPage.Alias, ContactsPage.WeightedRank, Contacts2.CustomerId, Contacts2.GovernmentId, Contacts2.ManagerName, Contacts2.AccountName, Contacts2.NickName])
        .Where(t => t is not (ContactsPage.Body or ContactsPage.BodySize or ContactsPage.BodyTruncated or ContactsPage.Categories or ContactsPage.Category
            or ContactsPage.Children or ContactsPage.Child or ContactsPage.CompressedRTF or ContactsPage.Picture or ContactsPage.FileAs or ContactsPage.WebPage))
        .Except(Dates).Except(Emails).Except(Ims).Except(Phones)
        .ToArray();

    private static Gen<string> Chars(string pool, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(pool.ToCharArray()), n)).Select(c => new string(c).Trim()).Where(s => s.Length > 0);

    private static readonly Gen<string> Text =
        Gen.Elements("abc", "Ünïcödé", "中文", "😀").SelectMany(seed => Chars("abcXYZ 019,;:\\\"'^<>=\n&é中😀".Replace("😀", string.Empty, StringComparison.Ordinal) + "\t", 1, 12).Select(s => seed + s));

    private static readonly Gen<string> Word = Chars("abcdefghijklmnopqrstuvwxyz0123456789.", 1, 10);

    private static Gen<(ushort, string)?> Maybe(ushort tag, Gen<string> value) =>
        Gen.Frequency((1, Gen.Constant<(ushort, string)?>(null)), (2, value.Select(v => ((ushort, string)?)(tag, v))));

    private static readonly Gen<string> Email =
        from local in Word
        from domain in Word
        from name in Text
        from display in Gen.Elements(0, 1, 2)
        select display switch
        {
            0 => $"{local}@{domain}.example",
            1 => $"\"{name.Replace("\"", string.Empty, StringComparison.Ordinal)}\" <{local}@{domain}.example>",
            _ => $"{name.Replace("<", string.Empty, StringComparison.Ordinal)} <{local}@{domain}.example>",
        };

    private static readonly Gen<string> Im = from prefix in Gen.Elements("", "xmpp:", "im:", "sip:") from word in Word select $"{prefix}{word}@chat.example";

    private static readonly Gen<string> Phone = Chars("+0123456789 -()", 1, 16);

    private static readonly Gen<string> Date =
        Gen.Choose(0, 180_000).Select(days => new DateOnly(1604, 1, 1).AddDays(days).ToString("yyyy-MM-dd'T00:00:00.000Z'", CultureInfo.InvariantCulture));

    private static readonly Gen<ContactItem> Contacts =
        from texts in Gen.CollectToList(Texts.Select(t => Maybe(t, Text)))
        from emails in Gen.CollectToList(Emails.Select(t => Maybe(t, Email)))
        from ims in Gen.CollectToList(Ims.Select(t => Maybe(t, Im)))
        from phones in Gen.CollectToList(Phones.Select(t => Maybe(t, Phone)))
        from dates in Gen.CollectToList(Dates.Select(t => Maybe(t, Date)))
        from fileAs in Maybe(ContactsPage.FileAs, Text.Select(t => "File " + t))
        from web in Maybe(ContactsPage.WebPage, Word.Select(w => $"https://{w}.example/a?b=1,c=2"))
        from categories in Gen.ListOf(Text).Select(c => c.Distinct(StringComparer.Ordinal).Take(5).ToImmutableArray())
        from children in Gen.ListOf(Text).Select(c => c.Take(4).ToImmutableArray())
        from body in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Text.Select(t => (string?)("Notes: " + t))))
        from picture in Gen.Frequency((1, Gen.Constant<string?>(null)), (1, Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>()).Where(b => b.Length > 0).Select(b => (string?)Convert.ToBase64String(b))))
        let fields = texts.Concat(emails).Concat(ims).Concat(phones).Concat(dates).Append(fileAs).Append(web).Where(f => f is not null).Select(f => f!.Value)
        select new ContactItem
        {
            Fields = fields.ToImmutableDictionary(f => f.Item1, f => f.Item2),
            Categories = categories,
            Children = children,
            Body = body,
            Picture = picture,
        };

    [Fact]
    public void Read_of_Write_is_the_item()
    {
        Prop.ForAll(Contacts.ToArbitrary(), item =>
        {
            var card = ContactVCard.Read(ContactVCard.Write("uid", item, null));
            card.Item.ShouldBe(item);
            card.Card.Warnings.ShouldBeEmpty();
        }).Check(Config);
    }

    [Fact]
    public void Write_over_the_card_it_came_from_reads_the_new_item()
    {
        var pairs = from first in Contacts from second in Contacts select (first, second);
        Prop.ForAll(pairs.ToArbitrary(), pair =>
        {
            var stored = ContactVCard.Read(ContactVCard.Write("uid", pair.first, null));
            ContactVCard.Read(ContactVCard.Write("uid", pair.second, stored.Card)).Item.ShouldBe(pair.second);
        }).Check(Config.WithMaxTest(150));
    }

    [Fact]
    public void WBXML_Read_of_Build_is_the_item_in_16_1()
    {
        var options = new ContactBodyOptions { RecipientInformationCache = true, MaxPictureBytes = int.MaxValue };
        Prop.ForAll(Contacts.ToArbitrary(), item =>
        {
            var data = Eas.Wire.Wbxml.WbxmlDocument.Parse(Eas.Wire.Wbxml.WbxmlWriter.Encode(ContactWbxml.Build(item, ProtocolVersion.V161, options)));
            var expected = ContactPicture.IsOverLimit(item.Picture) ? item with { Picture = null } : item;
            ContactWbxml.Read(data, ProtocolVersion.V161).Item.ShouldBe(expected);
        }).Check(Config);
    }

    [Fact]
    public void Any_text_is_read_or_refused_with_VCardFormatException()
    {
        var lines = Gen.ListOf(Gen.OneOf(Text, Gen.Elements("BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "N;ENCODING=QUOTED-PRINTABLE:=E9=", " folded", "TEL;TYPE=\"x:1", "item1.EMAIL;PREF=a:b", "PHOTO;ENCODING=b:!!!", "BDAY:not-a-date", "ADR:;;;", "X-ABLabel:_$!<Child>!$_")));
        Prop.ForAll(lines.Select(l => string.Join("\r\n", l)).ToArbitrary(), text =>
        {
            try
            {
                var card = ContactVCard.Read(text);
                _ = ContactVCard.Write(card.Uid, card.Item, card.Card);
            }
            catch (VCardFormatException)
            {
            }
        }).Check(Config.WithMaxTest(1000));
    }
}
