using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;
using Eas.Mail.Net;

namespace Eas.Mail.Sieve;

/// <summary>
/// A ManageSieve client (RFC 5804), written here because no .NET library for it is served: connects, upgrades with
/// STARTTLS (section 2.2) unless <see cref="SieveServer.Security"/> says the connection stays plain, signs in with AUTHENTICATE PLAIN (RFC 4616, section 2.1),
/// and runs LISTSCRIPTS, GETSCRIPT, PUTSCRIPT, CHECKSCRIPT and SETACTIVE. Scripts travel as non-synchronizing
/// literals (<c>{n+}</c>, section 4); names as quoted strings. Every step has <see cref="SieveServer.Timeout"/>.
/// Outages (refused connection, timeout, BYE, a broken response, TRYLATER) are <see cref="SieveUnavailableException"/>,
/// after which the client is spent; a command's NO is <see cref="SieveCommandException"/> and the client stays usable.
/// One client serves one caller at a time.
/// </summary>
public sealed class ManageSieveClient : IAsyncDisposable
{
    private const string ServerName = "ManageSieve server";

    private readonly SieveServer _server;
    private readonly Stream _stream;
    private readonly ManageSieveReader _reader;
    private readonly ImmutableDictionary<string, string> _capabilities;

    private ManageSieveClient(SieveServer server, Stream stream, ManageSieveReader reader, ImmutableDictionary<string, string> capabilities)
    {
        _server = server;
        _stream = stream;
        _reader = reader;
        _capabilities = capabilities;
    }

    /// <summary>Whether the connection is protected by TLS.</summary>
    public bool IsSecure => _stream is System.Net.Security.SslStream;

    /// <summary>The capabilities last announced (names upper-cased, RFC 5804 section 1.7), with their values.</summary>
    public IReadOnlyDictionary<string, string> Capabilities => _capabilities;

    /// <summary>Connects, reads the greeting and, where offered, negotiates STARTTLS; does not sign in.</summary>
    public static async Task<ManageSieveClient> ConnectAsync(SieveServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var address = $"{server.Host}:{server.Port}";
        using var deadline = Deadline(server, cancellationToken);
        var socket = await MailTransport.ConnectAsync(ServerName, server.Host, server.Port, Unavailable, deadline.Token).ConfigureAwait(false);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var reader = new ManageSieveReader(stream);
            var capabilities = CapabilitiesOf(Expect(await reader.ReadResponseAsync(deadline.Token).ConfigureAwait(false), "greeting"));
            if (server.Security == SieveSecurity.StartTls)
            {
                if (!capabilities.ContainsKey("STARTTLS"))
                    throw new SieveUnavailableException($"The {ServerName} {address} does not offer STARTTLS, and credentials are not sent in the clear.");
                await WriteAsync(stream, "STARTTLS\r\n"u8.ToArray(), deadline.Token).ConfigureAwait(false);
                Expect(await reader.ReadResponseAsync(deadline.Token).ConfigureAwait(false), "STARTTLS");
                var validation = MailTransport.CertificateValidation(socket, server.AcceptAnyCertificate, server.CertificateValidation, address);
                stream = await MailTransport.NegotiateTlsAsync(ServerName, stream, server.Host, validation, address, Unavailable, deadline.Token).ConfigureAwait(false);
                reader = new ManageSieveReader(stream);
                capabilities = CapabilitiesOf(Expect(await reader.ReadResponseAsync(deadline.Token).ConfigureAwait(false), "capabilities after STARTTLS"));
            }

            return new ManageSieveClient(server, stream, reader, capabilities);
        }
        catch (Exception e)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw Translate(e, $"connecting to {address}", cancellationToken);
        }
    }

    /// <summary>
    /// AUTHENTICATE "PLAIN" with the initial response (RFC 5804 section 2.1): the same login name and password the
    /// IMAP session signs in with. A refusal is <see cref="SieveUnavailableException"/>: the IMAP server accepted
    /// these credentials moments ago, so the phone is told to retry rather than asked for another password.
    /// </summary>
    public async Task AuthenticatePlainAsync(string login, string password, CancellationToken cancellationToken)
    {
        if (!_capabilities.TryGetValue("SASL", out var mechanisms) || !mechanisms.Split(' ').Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
            throw new SieveUnavailableException($"The {ServerName} offers no SASL PLAIN (it offers '{mechanisms}').");
        var initial = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{login}\0{password}"));
        var response = await RunAsync($"AUTHENTICATE \"PLAIN\" \"{initial}\"\r\n", null, "AUTHENTICATE", cancellationToken).ConfigureAwait(false);
        if (response.Result != ManageSieveResult.Ok)
            throw new SieveUnavailableException($"The {ServerName} refused the login ({response.Code}): {response.Message}");
    }

    /// <summary>LISTSCRIPTS (section 2.7): every script of the user, the active one marked.</summary>
    public async Task<IReadOnlyList<SieveScriptName>> ListScriptsAsync(CancellationToken cancellationToken)
    {
        var response = Succeeded(await RunAsync("LISTSCRIPTS\r\n", null, "LISTSCRIPTS", cancellationToken).ConfigureAwait(false), "LISTSCRIPTS");
        return response.Data
            .Where(line => line.Length > 0 && line[0].Kind == ManageSieveTokenKind.String)
            .Select(line => new SieveScriptName(line[0].Text, line.Length > 1 && line[1].IsAtom("ACTIVE")))
            .ToList();
    }

    /// <summary>GETSCRIPT (section 2.9): the script's text, or null when it does not exist (NO with NONEXISTENT).</summary>
    public async Task<string?> GetScriptAsync(string name, CancellationToken cancellationToken)
    {
        var response = await RunAsync($"GETSCRIPT {Quoted(name)}\r\n", null, "GETSCRIPT", cancellationToken).ConfigureAwait(false);
        if (response.Result == ManageSieveResult.No && response.Code == "NONEXISTENT") return null;
        Succeeded(response, "GETSCRIPT");
        var script = response.Data.FirstOrDefault(line => line.Length > 0 && line[0].Kind == ManageSieveTokenKind.String);
        return script.IsDefault ? throw new SieveUnavailableException($"The {ServerName} answered GETSCRIPT OK without the script.") : script[0].Text;
    }

    /// <summary>PUTSCRIPT (section 2.6): stores the script under the name; the server checks it and refuses an invalid one with NO.</summary>
    public async Task PutScriptAsync(string name, string script, CancellationToken cancellationToken) =>
        Succeeded(await RunAsync($"PUTSCRIPT {Quoted(name)} ", script, "PUTSCRIPT", cancellationToken).ConfigureAwait(false), "PUTSCRIPT");

    /// <summary>CHECKSCRIPT (section 2.12): whether the server would accept the script; NO carries its errors.</summary>
    public async Task CheckScriptAsync(string script, CancellationToken cancellationToken) =>
        Succeeded(await RunAsync("CHECKSCRIPT ", script, "CHECKSCRIPT", cancellationToken).ConfigureAwait(false), "CHECKSCRIPT");

    /// <summary>SETACTIVE (section 2.8): makes the script the active one; an empty name leaves no script active.</summary>
    public async Task SetActiveAsync(string name, CancellationToken cancellationToken) =>
        Succeeded(await RunAsync($"SETACTIVE {Quoted(name)}\r\n", null, "SETACTIVE", cancellationToken).ConfigureAwait(false), "SETACTIVE");

    /// <summary>LOGOUT is courtesy: the connection is closed either way, within a short bound.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await WriteAsync(_stream, "LOGOUT\r\n"u8.ToArray(), bounded.Token).ConfigureAwait(false);
            await _reader.ReadResponseAsync(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or FormatException or ObjectDisposedException)
        {
        }
        finally
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A name as a quoted string (section 4); names holding line breaks or NUL are refused (section 1.6).</summary>
    internal static string Quoted(string name)
    {
        if (name.Any(c => c is '\r' or '\n' or '\0')) throw new ArgumentException("A Sieve script name holds no line breaks or NUL.", nameof(name));
        return "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Writes the command (and, when given, the script as a non-synchronizing literal) and reads its response.</summary>
    private async Task<ManageSieveResponse> RunAsync(string command, string? literal, string name, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(_server, cancellationToken);
        try
        {
            var bytes = Encoding.UTF8.GetBytes(command);
            if (literal is not null)
            {
                var script = Encoding.UTF8.GetBytes(literal);
                bytes = [.. bytes, .. Encoding.ASCII.GetBytes($"{{{script.Length}+}}\r\n"), .. script, .. "\r\n"u8];
            }

            await WriteAsync(_stream, bytes, deadline.Token).ConfigureAwait(false);
            var response = await _reader.ReadResponseAsync(deadline.Token).ConfigureAwait(false);
            if (response.Result == ManageSieveResult.Bye) throw new SieveUnavailableException($"The {ServerName} closed the connection during {name}: {response.Message}");
            if (response.Code == "TRYLATER") throw new SieveUnavailableException($"The {ServerName} asked to retry {name} later: {response.Message}");
            return response;
        }
        catch (Exception e)
        {
            throw Translate(e, name, cancellationToken);
        }
    }

    private static ManageSieveResponse Succeeded(ManageSieveResponse response, string command) =>
        response.Result == ManageSieveResult.Ok ? response : throw new SieveCommandException(command, response.Code, response.Message);

    private static ManageSieveResponse Expect(ManageSieveResponse response, string step) =>
        response.Result == ManageSieveResult.Ok ? response : throw new SieveUnavailableException($"The {ServerName} refused the {step}: {response.Message}");

    private static ImmutableDictionary<string, string> CapabilitiesOf(ManageSieveResponse response) =>
        response.Data
            .Where(line => line.Length > 0 && line[0].Kind == ManageSieveTokenKind.String)
            .GroupBy(line => line[0].Text.ToUpperInvariant())
            .ToImmutableDictionary(group => group.Key, group => group.First() is var line && line.Length > 1 ? line[1].Text : "");

    private static async Task WriteAsync(Stream stream, byte[] bytes, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static CancellationTokenSource Deadline(SieveServer server, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(server.Timeout);
        return deadline;
    }

    private static Exception Unavailable(string message, Exception inner) => new SieveUnavailableException(message, inner);

    private static Exception Translate(Exception e, string step, CancellationToken caller) => e switch
    {
        SieveUnavailableException or SieveCommandException => e,
        OperationCanceledException when !caller.IsCancellationRequested => new SieveUnavailableException($"The {ServerName} did not answer {step} in time.", e),
        IOException or SocketException or FormatException or ObjectDisposedException => new SieveUnavailableException($"The {ServerName} failed during {step}: {e.Message}", e),
        _ => e,
    };
}
