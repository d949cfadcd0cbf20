using System.Net;
using System.Text;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

[Collection(SecondDovecotCollection.Name)]
public sealed class SignInTests(DovecotFixture dovecot) : IAsyncLifetime
{
    private ServerInstance _server = null!;

    public async Task InitializeAsync() => _server = await ServerInstance.StartAsync(dovecot);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Options_answers_the_versions_and_the_implemented_commands()
    {
        using var response = await _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Opt1", "14.1").OptionsAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("MS-ASProtocolVersions").Single().ShouldBe("2.5,12.0,12.1,14.0,14.1,16.0,16.1");
        var commands = response.Headers.GetValues("MS-ASProtocolCommands").Single().Split(',');
        commands.ShouldBe(["Sync", "SendMail", "SmartForward", "SmartReply", "GetAttachment", "FolderSync", "FolderCreate", "FolderDelete", "FolderUpdate", "MoveItems", "GetItemEstimate", "MeetingResponse", "Settings", "Ping", "ItemOperations", "Provision", "ResolveRecipients", "Search", "Find"], ignoreOrder: true);
        response.Headers.Contains("MS-Server-ActiveSync").ShouldBeTrue();
    }

    [Theory]
    [InlineData("mike@ox.io")]
    [InlineData("ox.io\\mike")]
    [InlineData("mike")]
    [InlineData("\\mike")]
    [InlineData(" \\mike")]
    [InlineData("defaultcontext\\mike")]
    [InlineData("MIKE@OX.IO")]
    public async Task Every_user_name_form_signs_in_as_the_same_account(string userName)
    {
        var phone = _server.Phone(userName, DovecotFixture.MikePassword, "Forms1", "14.1");
        phone.QueryUser = "mike@ox.io";

        var response = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType, withDeviceInformation: true));

        response.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_with_quotes_backslashes_and_non_ascii_signs_in()
    {
        using var response = await _server.Phone(DovecotFixture.Anna, DovecotFixture.AnnaPassword, "Anna1", "14.1").OptionsAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("wrong")]
    [InlineData("secret-pass1")]
    [InlineData("Secret-Pass1 ")]
    public async Task A_wrong_or_differently_cased_password_is_401_with_a_basic_challenge(string password)
    {
        var phone = _server.Phone(DovecotFixture.Mike, password, "Wrong1", "14.1");

        using var options = await phone.OptionsAsync();
        var post = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType));

        options.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        post.Status.ShouldBe(HttpStatusCode.Unauthorized);
        post.Headers.WwwAuthenticate.Single().Scheme.ShouldBe("Basic");
    }

    [Fact]
    public async Task A_verified_password_is_not_trusted_for_a_different_password()
    {
        var good = _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Cache1", "14.1");
        (await good.OptionsAsync()).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var bad = await _server.Phone(DovecotFixture.Mike, "Secret-Pass2", "Cache1", "14.1").OptionsAsync();

        bad.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Missing_credentials_are_401()
    {
        using var http = _server.CreateHttpClient();

        using var response = await http.PostAsync("/Microsoft-Server-ActiveSync?Cmd=Provision&User=mike&DeviceId=X1&DeviceType=T", new ByteArrayContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("anna@ox.io")]
    [InlineData("ox.io\\anna")]
    [InlineData("mike@other.org")]
    public async Task A_User_parameter_naming_another_account_is_refused(string queryUser)
    {
        var phone = _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Spoof1", "14.1");
        phone.QueryUser = queryUser;

        var response = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType));

        response.Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("ox.io\\mike")]
    [InlineData("mike")]
    [InlineData("Mike@OX.io")]
    public async Task A_User_parameter_in_another_form_of_the_same_account_is_accepted(string queryUser)
    {
        var phone = _server.Phone(DovecotFixture.Mike, DovecotFixture.MikePassword, "Same1", "14.1");
        phone.QueryUser = queryUser;

        var response = await phone.PostAsync("Provision", EasRequests.ProvisionDownload(EasRequests.EasPolicyType));

        response.Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Malformed_wbxml_and_malformed_request_lines_are_400_up_to_12_1_and_an_unknown_command_always()
    {
        // From 14.0 the first, second and fourth are answered 200 with Status 102 or 108 (MS-ASCMD 2.2.2): CommonStatusTests.
        using var http = _server.CreateHttpClient();
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DovecotFixture.Mike}:{DovecotFixture.MikePassword}"));

        async Task<HttpStatusCode> Post(string query, byte[] body, string version = "12.1")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Microsoft-Server-ActiveSync?" + query) { Content = new ByteArrayContent(body) };
            request.Headers.Add("Authorization", "Basic " + auth);
            request.Headers.Add("MS-ASProtocolVersion", version);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        (await Post("Cmd=Provision&User=mike&DeviceId=Bad1&DeviceType=T", [0x03, 0x01, 0x6A, 0x00, 0x45, 0x3F])).ShouldBe(HttpStatusCode.BadRequest);
        (await Post("Cmd=Provision&User=mike&DeviceId=Bad1&DeviceType=T", [])).ShouldBe(HttpStatusCode.BadRequest);
        (await Post("Cmd=NoSuchCommand&User=mike&DeviceId=Bad1&DeviceType=T", [], "14.1")).ShouldBe(HttpStatusCode.BadRequest);
        (await Post("Cmd=Provision&User=mike&DeviceId=bad-id!&DeviceType=T", [])).ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Healthz_answers_ok()
    {
        using var http = _server.CreateHttpClient();

        (await http.GetStringAsync("/healthz")).ShouldBe("ok");
    }
}
