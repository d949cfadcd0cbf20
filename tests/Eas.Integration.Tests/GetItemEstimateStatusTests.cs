using System.Net;
using Eas.Integration.Tests.Support;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Wire.Wbxml.WbxmlElement;
using GiePage = Eas.Wire.CodePages.GetItemEstimate;

namespace Eas.Integration.Tests;

/// <summary>
/// GetItemEstimate statuses (MS-ASCMD 2.2.3.177.7, 2.2.3.68.1) over real HTTP: every collection of the request gets its
/// own Response, whatever is wrong with it.
/// </summary>
[Collection(DovecotCollection.Name)]
public sealed class GetItemEstimateStatusTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MS_ASCMD_2_2_3_177_7_collections_the_request_cannot_name_get_2_or_4_in_their_own_Response_beside_a_good_one()
    {
        var (phone, inbox) = await StartAsync("Gie24", "14.1");
        var request = Estimate(
            Collection(inbox, phone.Keys[inbox]),
            WithChildren(GiePage.Collection, WithText(AirSync.SyncKey, "1")),
            WithChildren(GiePage.Collection, WithText(GiePage.CollectionId, inbox)));

        var responses = await ResponsesAsync(phone, request);

        responses.Select(r => r.ValueOf(GiePage.Status)).ShouldBe(["1", "2", "4"]);
        responses[0].Element(GiePage.Collection)!.ValueOf(GiePage.Estimate).ShouldBe("1");
        responses[2].Element(GiePage.Collection)!.ValueOf(GiePage.CollectionId).ShouldBe(inbox);
    }

    [Fact]
    public async Task MS_ASCMD_2_2_3_68_1_a_FilterType_the_email_class_cannot_take_is_110_in_the_collections_Response_from_14_0()
    {
        var (phone, inbox) = await StartAsync("Gie110", "14.1");
        var tasksFilter = Collection(inbox, phone.Keys[inbox], WithChildren(AirSync.Options, WithText(AirSync.FilterType, "8")));
        var mailFilter = Collection(inbox, phone.Keys[inbox], WithChildren(AirSync.Options, WithText(AirSync.FilterType, "3")));

        var responses = await ResponsesAsync(phone, Estimate(tasksFilter, mailFilter));

        responses.Select(r => r.ValueOf(GiePage.Status)).ShouldBe(["110", "1"]);
    }

    private async Task<(SyncingPhone Phone, string Inbox)> StartAsync(string device, string version)
    {
        var user = MailboxUser.Create(dovecot, "gie");
        await user.DeliverAsync(1);
        var phone = await SyncingPhone.StartAsync(_server, user, version, device);
        var inbox = phone.IdOf("INBOX");
        await phone.SyncAsync(inbox, key: "0");
        return (phone, inbox);
    }

    private static WbxmlElement Collection(string id, string key, params WbxmlElement[] more) =>
        WithChildren(GiePage.Collection, [WithText(AirSync.SyncKey, key), WithText(GiePage.CollectionId, id), .. more]);

    private static WbxmlElement Estimate(params WbxmlElement[] collections) =>
        WithChildren(GiePage.GetItemEstimateElement, WithChildren(GiePage.Collections, collections));

    private static async Task<List<WbxmlElement>> ResponsesAsync(SyncingPhone phone, WbxmlElement request)
    {
        var response = await phone.Client.PostAsync("GetItemEstimate", request);
        response.Status.ShouldBe(HttpStatusCode.OK);
        var responses = new List<WbxmlElement>();
        foreach (var child in response.Body.ShouldNotBeNull().Children)
            if (child.Tag == GiePage.Response) responses.Add(child);
        return responses;
    }
}
