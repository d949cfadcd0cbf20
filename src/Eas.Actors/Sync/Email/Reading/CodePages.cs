using System.Runtime.CompilerServices;
using System.Text;

namespace Eas.Actors.Sync.Email.Reading;

/// <summary>
/// Makes every code page .NET ships (Shift_JIS, GB2312, Big5, EUC-KR, KOI8-R, ISO-2022-JP...) available to
/// MimeKit before it first resolves a charset. It must run first: MimeKit remembers a charset it could not
/// resolve for the life of the process, so one header decoded before registration would leave, say, every
/// Shift_JIS body unreadable until a restart. A module initializer runs before any code of this assembly,
/// which is the only way this server reaches MimeKit.
/// </summary>
internal static class CodePages
{
#pragma warning disable CA2255 // A library's module initializer: registering an encoding provider is idempotent and process-wide by design.
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
#pragma warning restore CA2255
}
