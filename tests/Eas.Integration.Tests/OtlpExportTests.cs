using System.Net;
using System.Net.Sockets;
using System.Text;
using Eas.Integration.Tests.Support;

namespace Eas.Integration.Tests;

/// <summary>The optional OTLP export: a collector stand-in on loopback receives the server's meter as OTLP/HTTP protobuf.</summary>
[Collection(SecondDovecotCollection.Name)]
public sealed class OtlpExportTests(DovecotFixture dovecot)
{
    [Fact]
    public async Task With_an_endpoint_configured_the_meter_is_pushed_as_OTLP_protobuf()
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        await using var server = await ServerInstance.StartAsync(dovecot, null,
            $"--Eas:Metrics:OtlpEndpoint=http://127.0.0.1:{port}/v1/metrics", "--Eas:Metrics:OtlpIntervalSeconds=1");
        var user = MailboxUser.Create(dovecot, "otlp");
        await server.Phone(user.Address, user.Password, "Otlp1", "14.1").ProvisionAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var context = await collector.GetContextAsync().WaitAsync(timeout.Token);
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body, timeout.Token);
            context.Response.StatusCode = 200;
            context.Response.Close();
            context.Request.Url!.AbsolutePath.ShouldBe("/v1/metrics");
            context.Request.ContentType.ShouldBe("application/x-protobuf");
            var text = Encoding.Latin1.GetString(body.ToArray());
            text.ShouldContain("eas-server", Case.Sensitive, "the resource names the service");
            if (text.Contains("eas.requests", StringComparison.Ordinal) && text.Contains("Provision", StringComparison.Ordinal)) break;
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
