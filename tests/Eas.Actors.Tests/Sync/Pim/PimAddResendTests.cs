using System.Text.Json.Nodes;
using Akka.Actor;
using Akka.Actor.Setup;
using Eas.Actors.Devices;
using Eas.Actors.Persistence.Journal;
using Eas.Actors.Sync.Contacts;
using Eas.Actors.Sync.Collections;
using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Microsoft.Extensions.Logging.Abstractions;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>
/// A PIM Add whose response was lost (MS-ASCMD 3.1.5.9: the phone sends the same request, same SyncKey and ClientId,
/// 2.2.3.28.2): the response's plan keeps which ClientId became which ServerId and store item
/// (<see cref="PimSyncPlan.ClientAdds"/>), through the journal; the resent Add is answered with the same ServerId,
/// written to the store once, and never comes back to the phone as a server Add.
/// </summary>
public sealed class PimAddResendTests : Akka.TestKit.Xunit2.TestKit
{
    private const string FolderId = "7";

    public PimAddResendTests()
        : base(JsonManifestSetup.Empty.WithDeviceManifests().And(BootstrapSetup.Create().WithConfig(JsonManifestSerializer.Bindings)))
    {
    }

    private JsonManifestSerializer Serializer => (JsonManifestSerializer)Sys.Serialization.FindSerializerForType(typeof(PimStateAdvanced));

    private readonly CountingPimStore _store = new();

    private static readonly PimFolder Folder = new(FolderId, new PimCollection("contacts", PimKind.Contacts, "Contacts", null, true));

    private static SyncClientAdd AddOf(string clientId, string firstName) =>
        new(clientId, WithChildren(AirSync.ApplicationData, WithText(Eas.Wire.CodePages.Contacts.FirstName, firstName), WithText(Eas.Wire.CodePages.Contacts.LastName, "Hopper")));

    private PimClientCommands Clients(System.Collections.Immutable.ImmutableArray<PimClientAdded> answeredBefore = default) =>
        new(_store, Folder, new ContactsCodec(), new PimCodecContext(ProtocolVersion.V161, DateTimeOffset.UnixEpoch), NullLogger.Instance, "u", CancellationToken.None, null, answeredBefore);

    /// <summary>The runner's order for one request: confirm, take in the store's changes, the phone's commands, the next window.</summary>
    private async Task<(PimSyncState Answered, IReadOnlyList<SyncItemResponse> Responses, PimSyncPlan Plan)> RequestAsync(PimSyncState held, PimClientCommands clients, params SyncClientCommand[] commands)
    {
        var state = PimSync.Confirm(held);
        state = PimSync.TakeIn(state, await _store.GetChangesAsync(Folder.Collection.Id, state.Token, CancellationToken.None));
        (state, var responses) = await clients.ApplyAsync(state, [.. commands], SyncConflictResolution.ServerWins);
        (state, var plan, _) = PimSync.NextWindow(state, FolderId, 10, forceNewKey: true);
        if (state.Sent is { } sent && !clients.Added.IsEmpty) state = state with { Sent = sent with { ClientAdds = clients.Added } };
        return (PimSync.Answered(state, held, held.Counter), responses, plan);
    }

    /// <summary>The phone at key 1 adds contact c1; the answer (key 2) is lost.</summary>
    private async Task<(PimSyncState Held, PimSyncState Answered, string ServerId)> LostAddAsync()
    {
        var held = PimSync.Start("e");
        var (answered, responses, _) = await RequestAsync(held, Clients(), AddOf("c1", "Grace"));
        var serverId = responses.ShouldHaveSingleItem().ShouldBeOfType<SyncAddResponse>().ServerId.ShouldNotBeNull();
        return (held, answered, serverId);
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_resent_Add_is_answered_with_the_same_ServerId_and_not_stored_twice()
    {
        var (held, answered, serverId) = await LostAddAsync();
        PimSync.Match(answered, held.Key).ShouldBe(KeyMatch.Resent);

        var clients = Clients(answered.Sent!.ClientAddsOrEmpty);
        var (again, responses, plan) = await RequestAsync(PimSync.Restore(answered), clients, AddOf("c1", "Grace"));

        var response = responses.ShouldHaveSingleItem().ShouldBeOfType<SyncAddResponse>();
        response.Status.ShouldBe(SyncStatus.Success);
        response.ServerId.ShouldBe(serverId);
        _store.Creates.ShouldBe(1, "the resent Add is not written again");
        _store.Items.Count.ShouldBe(1);
        plan.Adds.ShouldBeEmpty("the item the phone added does not come back as a server Add");
        again.Items.Keys.ShouldBe([serverId]);
        again.HasPending.ShouldBeFalse();
        again.Sent!.ClientAddsOrEmpty.ShouldHaveSingleItem().ServerId.ShouldBe(serverId, "lost again, it is still answered the same way");
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_28_2_an_Add_with_a_ClientId_the_lost_response_did_not_answer_is_stored()
    {
        var (_, answered, serverId) = await LostAddAsync();

        var (_, responses, _) = await RequestAsync(PimSync.Restore(answered), Clients(answered.Sent!.ClientAddsOrEmpty), AddOf("c1", "Grace"), AddOf("c2", "Ada"));

        var adds = responses.Cast<SyncAddResponse>().ToList();
        adds[0].ServerId.ShouldBe(serverId);
        adds[1].ServerId.ShouldNotBeNull().ShouldNotBe(serverId);
        _store.Creates.ShouldBe(2);
    }

    [Fact]
    public async Task MS_ASCMD_3_1_5_9_a_request_with_the_new_key_stores_an_Add_of_the_same_ClientId_again()
    {
        var (_, answered, serverId) = await LostAddAsync();

        var (_, responses, _) = await RequestAsync(answered, Clients(), AddOf("c1", "Grace"));

        responses.ShouldHaveSingleItem().ShouldBeOfType<SyncAddResponse>().ServerId.ShouldNotBe(serverId);
        _store.Creates.ShouldBe(2, "ClientId names an Add within one request only");
    }

    [Fact]
    public void MS_ASCMD_3_1_5_9_an_item_changed_in_the_store_since_the_lost_Add_reaches_the_phone_as_a_Change()
    {
        var added = new PimClientAdded("c1", "7:1", "i1", "v1");
        var state = PimSync.TakeIn(PimSync.Start("e"), new PimChangeSet("t2", false, [new PimItemVersion("i1", "v2")], []));

        var again = PimSync.ClientAddAnsweredAgain(state, added);

        again.Items["7:1"].ShouldBe(new PimHeld("i1", "v1"));
        again.PendingAdds.ShouldBeEmpty();
        again.PendingChanges["7:1"].ShouldBe("v2");
    }

    [Fact]
    public async Task The_lost_response_s_Adds_read_back_from_the_journal()
    {
        var (held, answered, _) = await LostAddAsync();
        var written = new PimStateAdvanced(FolderId, PimStateDelta.Between(held, answered)!);

        var read = (PimStateAdvanced)Serializer.FromBinary(Serializer.ToBinary(written), Serializer.Manifest(written));

        read.Delta.ApplyTo(held).Sent!.ClientAddsOrEmpty.ShouldBe(answered.Sent!.ClientAdds);
    }

    [Fact]
    public async Task Plans_journalled_before_Adds_were_kept_read_with_none()
    {
        var (held, answered, _) = await LostAddAsync();
        var written = new PimStateAdvanced(FolderId, PimStateDelta.Between(held, answered)!);
        var json = JsonNode.Parse(Serializer.ToBinary(written))!.AsObject();
        var delta = (json["Delta"] ?? json["delta"])!;
        var sent = (delta["Sent"] ?? delta["sent"])!.AsObject();
        (sent.Remove("ClientAdds") | sent.Remove("clientAdds")).ShouldBeTrue();

        var read = (PimStateAdvanced)Serializer.FromBinary(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), Serializer.Manifest(written));

        read.Delta.ApplyTo(held).Sent!.ClientAddsOrEmpty.ShouldBeEmpty();
    }

    /// <summary>An in-memory PIM store that counts the items it creates.</summary>
    private sealed class CountingPimStore : IPimStore
    {
        private int _token;

        public Dictionary<string, PimObject> Items { get; } = new(StringComparer.Ordinal);

        public int Creates { get; private set; }

        public string Kind => "counting";

        public Task<IReadOnlyList<PimCollection>> ListCollectionsAsync(PimKind kind, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PimCollection>>([Folder.Collection]);

        public Task<PimCollection> CreateCollectionAsync(PimKind kind, string displayName, string? parentId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RenameCollectionAsync(string collectionId, string displayName, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteCollectionAsync(string collectionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<string> GetTokenAsync(string collectionId, CancellationToken cancellationToken) => Task.FromResult(_token.ToString(System.Globalization.CultureInfo.InvariantCulture));

        public Task<PimChangeSet> GetChangesAsync(string collectionId, string? sinceToken, CancellationToken cancellationToken) =>
            Task.FromResult(new PimChangeSet(_token.ToString(System.Globalization.CultureInfo.InvariantCulture), true, [.. Items.Values.Select(o => new PimItemVersion(o.ItemId, o.Version))], []));

        public Task<IReadOnlyList<PimObject>> GetAsync(string collectionId, IReadOnlyList<string> itemIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PimObject>>([.. itemIds.Where(Items.ContainsKey).Select(id => Items[id])]);

        public Task<PimItemVersion> CreateAsync(string collectionId, string itemId, string content, CancellationToken cancellationToken)
        {
            Creates++;
            _token++;
            Items[itemId] = new PimObject(itemId, "v" + _token, content);
            return Task.FromResult(new PimItemVersion(itemId, "v" + _token));
        }

        public Task<PimItemVersion> UpdateAsync(string collectionId, string itemId, string content, string? expectedVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(string collectionId, string itemId, string? expectedVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PimItemVersion> MoveAsync(string collectionId, string itemId, string destinationCollectionId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
