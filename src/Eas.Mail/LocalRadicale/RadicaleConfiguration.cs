using System.Globalization;

namespace Eas.Mail.LocalRadicale;

/// <summary>
/// The private instance's configuration file (Radicale 3.1, radicale.org/v3.html#configuration): loopback only,
/// htpasswd users, each user owning only their own collections (<c>owner_only</c>), storage under the data
/// directory, no web interface. Passed with <c>--config</c>, which replaces /etc/radicale/config and the user's own.
/// </summary>
internal sealed record RadicaleConfiguration(string StoragePath, string UsersPath, int Port, string LogLevel)
{
    public string Render() => string.Create(CultureInfo.InvariantCulture, $"""
        [server]
        hosts = 127.0.0.1:{Port}

        [auth]
        type = htpasswd
        htpasswd_filename = {UsersPath}
        htpasswd_encryption = plain
        delay = 0

        [rights]
        type = owner_only

        [storage]
        filesystem_folder = {StoragePath}

        [web]
        type = none

        [logging]
        level = {LogLevel}
        mask_passwords = True

        """);
}
