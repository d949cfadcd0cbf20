using Eas.Actors.Sync.Contacts;
using Eas.Wire.Http;
using static Eas.Actors.Tests.Contacts.VCardTestText;
using ContactsPage = Eas.Wire.CodePages.Contacts;

namespace Eas.Actors.Tests.Contacts;

/// <summary>
/// Write(uid, item, existing): what the mapping does not own survives, so a card edited by another client keeps its
/// extras after a phone changed it.
/// </summary>
public sealed class ContactVCardPreservationTests
{
    private static readonly string Stored = Crlf(
        "BEGIN:VCARD",
        "VERSION:4.0",
        "UID:abc",
        "PRODID:-//Other//Client//EN",
        "REV:20260101T000000Z",
        "FN:Anna Berg",
        "N:Berg;Anna;;;",
        "item1.EMAIL;TYPE=work;PREF=1;X-CUSTOM=keep:anna@old.example",
        "item1.X-ABLabel:Office",
        "EMAIL;TYPE=home:anna@home.example",
        "TEL;TYPE=cell;PREF=1:+49 170 1",
        "ADR;TYPE=work;LABEL=\"Hauptstr. 1\\nBerlin\";GEO=\"geo:52.5,13.4\":;;Hauptstr. 1;Berlin;;10115;DE",
        "IMPP:xmpp:a@one.example",
        "IMPP:xmpp:a@two.example",
        "IMPP:xmpp:a@three.example",
        "IMPP:xmpp:a@four.example",
        "GEO:geo:52.5,13.4",
        "KEY;MEDIATYPE=application/pgp-keys:data:application/pgp-keys;base64,AAAA",
        "ROLE:Chair",
        "X-SOCIALPROFILE;TYPE=mastodon:https://social.example/@anna",
        "NOTE:old note",
        "END:VCARD");

    [Fact]
    public void Unmapped_properties_survive_as_they_were()
    {
        var card = ContactVCard.Read(Stored);
        var changed = card.Item.With(ContactsPage.JobTitle, "CTO");
        var written = Unfold(ContactVCard.Write(card.Uid, changed, card.Card));

        written.ShouldContain("\r\nIMPP:xmpp:a@four.example\r\n");
        written.ShouldContain("\r\nGEO:geo:52.5,13.4\r\n");
        written.ShouldContain("\r\nKEY;MEDIATYPE=application/pgp-keys:data:application/pgp-keys;base64,AAAA\r\n");
        written.ShouldContain("\r\nROLE:Chair\r\n");
        written.ShouldContain("\r\nX-SOCIALPROFILE;TYPE=mastodon:https://social.example/@anna\r\n");
        written.ShouldContain("\r\nitem1.X-ABLABEL:Office\r\n");
        written.ShouldContain("\r\nTITLE:CTO\r\n");
        ContactVCard.Read(written).Item.ShouldBe(changed);
    }

    [Fact]
    public void Unchanged_mapped_properties_are_kept_exactly()
    {
        var card = ContactVCard.Read(Stored);
        var written = Unfold(ContactVCard.Write(card.Uid, card.Item, card.Card));
        written.ShouldContain("\r\nitem1.EMAIL;TYPE=work;PREF=1;X-CUSTOM=keep:anna@old.example\r\n");
        written.ShouldContain("\r\nTEL;TYPE=cell;PREF=1:+49 170 1\r\n");
        written.ShouldContain("\r\nFN:Anna Berg\r\n");
        written.ShouldContain("\r\nN:Berg;Anna;;;\r\n");
    }

    [Fact]
    public void A_changed_property_keeps_its_group_and_the_parameters_it_does_not_own()
    {
        var card = ContactVCard.Read(Stored);
        var changed = card.Item.With(ContactsPage.Email1Address, "anna@new.example").With(ContactsPage.BusinessAddressCity, "Potsdam");
        var written = Unfold(ContactVCard.Write(card.Uid, changed, card.Card));
        written.ShouldContain("\r\nitem1.EMAIL;TYPE=work;PREF=1;X-CUSTOM=keep:anna@new.example\r\n");
        written.ShouldContain("\r\nADR;TYPE=work;LABEL=Hauptstr. 1\\nBerlin;GEO=\"geo:52.5,13.4\":;;Hauptstr. 1;Potsdam;;10115;DE\r\n");
        written.ShouldNotContain("anna@old.example");
    }

    [Fact]
    public void A_removed_field_removes_its_property_UID_PRODID_are_ours_and_REV_is_dropped()
    {
        var card = ContactVCard.Read(Stored);
        var written = Unfold(ContactVCard.Write("new-uid", card.Item.With(ContactsPage.MobilePhoneNumber, null) with { Body = null }, card.Card));
        written.ShouldNotContain("TEL");
        written.ShouldNotContain("NOTE");
        written.ShouldNotContain("REV");
        written.ShouldContain("\r\nUID:new-uid\r\n");
        written.ShouldContain("\r\nPRODID:" + ContactVCard.ProductId + "\r\n");
        written.ShouldNotContain("-//Other//Client//EN");
    }

    [Fact]
    public void Ghosted_properties_survive_a_round_trip_through_a_phone()
    {
        var card = ContactVCard.Read(Stored);
        var version = ProtocolVersion.V161;
        var sent = ContactWbxml.Build(card.Item, version, ContactBodyOptions.Default);
        var update = ContactWbxml.Read(sent, version);
        var phoneChange = update with { Item = update.Item.With(ContactsPage.MobilePhoneNumber, "+49 170 2") };
        var stored = ContactGhosting.Apply(card.Item, phoneChange, supported: null);
        var written = Unfold(ContactVCard.Write(card.Uid, stored, card.Card));

        written.ShouldContain("\r\nTEL;TYPE=cell;PREF=1:+49 170 2\r\n");
        written.ShouldContain("\r\nIMPP:xmpp:a@four.example\r\n");
        written.ShouldContain("\r\nX-SOCIALPROFILE;TYPE=mastodon:https://social.example/@anna\r\n");
        written.ShouldContain("\r\nitem1.EMAIL;TYPE=work;PREF=1;X-CUSTOM=keep:anna@old.example\r\n");
    }
}
