namespace Eas.Host.Options;

/// <summary>
/// Who may use the admin API under <c>/admin/api</c> (<c>Eas:Admin</c>). With no users the admin API refuses
/// every request.
/// </summary>
public sealed class AdminOptions
{
    /// <summary>
    /// Admin names and their passwords: the password itself, or <c>sha256:</c> and the hex SHA-256 of it
    /// (<c>--Eas:Admin:Users:root=sha256:5e88…</c>), so the configuration need not hold it in clear.
    /// </summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);
}
