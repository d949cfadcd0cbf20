using System.Net;
using Eas.Mail.Pim;
using Eas.Mail.Tests.Fixtures;

namespace Eas.Mail.Tests.Pim;

/// <summary>The CardDAV adapter against a real Radicale 3.1 (RFC 6352, RFC 6578).</summary>
public sealed class CardDavPimStoreTests(RadicaleFixture radicale) : IClassFixture<RadicaleFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RFC6352_6_3_1_the_default_address_book_is_created_when_the_home_has_none()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);

        var first = await store.ListCollectionsAsync(PimKind.Contacts, None);
        var again = await store.ListCollectionsAsync(PimKind.Contacts, None);

        first.ShouldHaveSingleItem().ShouldBe(new PimCollection("contacts", PimKind.Contacts, "Contacts", null, true));
        again.ShouldBe(first);
        (await store.ListCollectionsAsync(PimKind.Calendar, None)).ShouldBeEmpty();
        store.Kind.ShouldBe("carddav");
    }

    [Fact]
    public async Task RFC6352_5_2_a_user_created_address_book_is_listed_renamed_and_deleted()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        await store.ListCollectionsAsync(PimKind.Contacts, None);

        var created = await store.CreateCollectionAsync(PimKind.Contacts, "Work", "contacts", None);
        await store.RenameCollectionAsync(created.Id, "Work people", None);
        var listed = await store.ListCollectionsAsync(PimKind.Contacts, None);
        await store.DeleteCollectionAsync(created.Id, None);
        var after = await store.ListCollectionsAsync(PimKind.Contacts, None);

        created.ParentId.ShouldBeNull();
        listed.ShouldContain(new PimCollection(created.Id, PimKind.Contacts, "Work people", null, false));
        listed.Single(c => c.IsDefault).Id.ShouldBe("contacts");
        after.Select(c => c.Id).ShouldBe(["contacts"]);
    }

    [Fact]
    public async Task RFC6352_6_3_2_an_item_is_created_read_updated_and_deleted()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;
        var id = Guid.NewGuid().ToString();

        var created = await store.CreateAsync(book, id, RadicaleFixture.VCard(id, "Ann Lee"), None);
        var read = await store.GetAsync(book, [id, "missing"], None);
        var updated = await store.UpdateAsync(book, id, RadicaleFixture.VCard(id, "Ann Lee-Smith"), created.Version, None);
        var reread = await store.GetAsync(book, [id], None);
        await store.DeleteAsync(book, id, updated.Version, None);
        var gone = await store.GetAsync(book, [id], None);
        await store.DeleteAsync(book, id, null, None);

        created.ItemId.ShouldBe(id);
        created.Version.ShouldNotBeNullOrEmpty();
        read.ShouldHaveSingleItem().Version.ShouldBe(created.Version);
        read[0].Content.ShouldContain("FN:Ann Lee");
        updated.Version.ShouldNotBe(created.Version);
        reread.ShouldHaveSingleItem().Content.ShouldContain("FN:Ann Lee-Smith");
        reread[0].Version.ShouldBe(updated.Version);
        gone.ShouldBeEmpty();
    }

    [Fact]
    public async Task RFC6578_3_5_1_a_member_another_client_added_or_changed_is_listed_as_changed()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;
        var kept = await store.CreateAsync(book, "kept", RadicaleFixture.VCard("kept", "Kept"), None);
        var edited = await store.CreateAsync(book, "edited", RadicaleFixture.VCard("edited", "Before"), None);
        var start = await store.GetChangesAsync(book, null, None);
        var tokenBefore = await store.GetTokenAsync(book, None);

        (await radicale.OtherClientAsync(HttpMethod.Put, user, password, "contacts/edited.vcf", RadicaleFixture.VCard("edited", "After"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await radicale.OtherClientAsync(HttpMethod.Put, user, password, "contacts/phone-made", RadicaleFixture.VCard("phone-made", "From a phone"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var delta = await store.GetChangesAsync(book, start.Token, None);
        var tokenAfter = await store.GetTokenAsync(book, None);

        start.IsFullListing.ShouldBeTrue();
        start.Changed.ShouldBe([kept, edited], ignoreOrder: true);
        delta.IsFullListing.ShouldBeFalse();
        delta.Changed.Select(c => c.ItemId).ShouldBe(["edited", "phone-made/"], ignoreOrder: true);
        delta.Changed.Single(c => c.ItemId == "edited").Version.ShouldNotBe(edited.Version);
        delta.Removed.ShouldBeEmpty();
        tokenAfter.ShouldNotBe(tokenBefore);
        (await store.GetAsync(book, ["phone-made/"], None)).ShouldHaveSingleItem().Content.ShouldContain("FN:From a phone");
    }

    [Fact]
    public async Task RFC6578_3_5_2_a_member_another_client_deleted_is_listed_as_removed()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;
        await store.CreateAsync(book, "doomed", RadicaleFixture.VCard("doomed", "Doomed"), None);
        var start = await store.GetChangesAsync(book, null, None);

        (await radicale.OtherClientAsync(HttpMethod.Delete, user, password, "contacts/doomed.vcf")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var delta = await store.GetChangesAsync(book, start.Token, None);
        var quiet = await store.GetChangesAsync(book, delta.Token, None);

        delta.IsFullListing.ShouldBeFalse();
        delta.Removed.ShouldBe(["doomed"]);
        delta.Changed.ShouldBeEmpty();
        quiet.Changed.ShouldBeEmpty();
        quiet.Removed.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("http://radicale.org/ns/sync/0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task RFC6578_3_8_an_invalid_token_gives_a_full_listing(string token)
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;
        var one = await store.CreateAsync(book, "one", RadicaleFixture.VCard("one", "One"), None);
        var two = await store.CreateAsync(book, "two", RadicaleFixture.VCard("two", "Two"), None);

        var listing = await store.GetChangesAsync(book, token, None);

        listing.IsFullListing.ShouldBeTrue();
        listing.Changed.ShouldBe([one, two], ignoreOrder: true);
        listing.Removed.ShouldBeEmpty();
        listing.Token.ShouldNotBe(token);
    }

    [Fact]
    public async Task RFC9110_13_1_1_a_write_with_a_stale_version_is_a_conflict()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;
        var first = await store.CreateAsync(book, "busy", RadicaleFixture.VCard("busy", "First"), None);
        await store.UpdateAsync(book, "busy", RadicaleFixture.VCard("busy", "Second"), first.Version, None);

        (await Should.ThrowAsync<PimConflictException>(() => store.UpdateAsync(book, "busy", RadicaleFixture.VCard("busy", "Third"), first.Version, None))).ItemId.ShouldBe("busy");
        await Should.ThrowAsync<PimConflictException>(() => store.DeleteAsync(book, "busy", first.Version, None));
        await Should.ThrowAsync<PimConflictException>(() => store.CreateAsync(book, "busy", RadicaleFixture.VCard("busy", "Again"), None));
        (await store.GetAsync(book, ["busy"], None)).ShouldHaveSingleItem().Content.ShouldContain("FN:Second");
    }

    [Fact]
    public async Task RFC4918_9_9_an_item_moves_between_two_address_books()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;
        var work = await store.CreateCollectionAsync(PimKind.Contacts, "Work", null, None);
        await store.CreateAsync(book, "mover", RadicaleFixture.VCard("mover", "Mover"), None);

        var moved = await store.MoveAsync(book, "mover", work.Id, None);

        moved.ItemId.ShouldBe("mover");
        (await store.GetAsync(book, ["mover"], None)).ShouldBeEmpty();
        (await store.GetAsync(work.Id, ["mover"], None)).ShouldHaveSingleItem().Version.ShouldBe(moved.Version);
        (await store.GetChangesAsync(work.Id, null, None)).Changed.ShouldBe([moved]);
    }

    [Fact]
    public async Task RFC6352_6_3_2_a_vcard_larger_than_the_cap_is_refused_before_it_is_sent()
    {
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password, new() { MaxVCardBytes = 1024 });
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;

        var refused = await Should.ThrowAsync<PimItemRejectedException>(() => store.CreateAsync(book, "big", RadicaleFixture.VCard("big", new string('x', 2000)), None));

        refused.ItemId.ShouldBe("big");
        (await store.GetChangesAsync(book, null, None)).Changed.ShouldBeEmpty();
    }

    [Fact]
    public async Task RFC9112_9_3_1_1_a_connection_the_server_dropped_before_answering_is_retried()
    {
        // Radicale answers HTTP/1.0 and closes each connection; a shared HttpClient then sometimes sends a request on a
        // connection that ends without an answer (about one in five before the adapter retried).
        var (user, password) = radicale.NewUser();
        await using var store = radicale.Store(user, password);
        var book = (await store.ListCollectionsAsync(PimKind.Contacts, None))[0].Id;

        var tokens = new List<string>();
        for (var i = 0; i < 100; i++) tokens.Add(await store.GetTokenAsync(book, None));

        tokens.Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RFC7617_wrong_credentials_make_the_store_unavailable()
    {
        var (user, _) = radicale.NewUser();
        await using var store = radicale.Store(user, "not-the-password");

        await Should.ThrowAsync<PimStoreUnavailableException>(() => store.ListCollectionsAsync(PimKind.Contacts, None));
    }
}
