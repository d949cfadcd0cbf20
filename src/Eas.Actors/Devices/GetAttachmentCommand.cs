using Eas.Actors.Sync.Email;

namespace Eas.Actors.Devices;

/// <summary>
/// GetAttachment (MS-ASCMD 2.2.1.7, protocol 2.5 to 12.1): the attachment named by the AttachmentName query
/// parameter (our FileReference) as the raw response body. The part is copied from IMAP into a temporary
/// file that deletes itself, so the response streams from disk and memory stays flat however large it is.
/// An unknown or vanished attachment is HTTP 500, as MS-ASCMD 2.2.1.7 has the server answer it.
/// </summary>
internal static class GetAttachmentCommand
{
    public static async Task<Decision> DecideAsync(DeviceRequest request, DeviceActorSettings settings)
    {
        var reference = request.Line.AttachmentName;
        if (reference is null || !FileReferences.TryParse(reference, out var folderId, out var uid, out var part))
            return new Decision(new AttachmentNotFound(), []);
        var file = await MailboxWork.RunAsync(request, settings, async context =>
        {
            var name = await context.ResolveEmailAsync(request, folderId);
            if (name is null) return null;
            var stream = Persistence.TemporaryFile.Create();
            try
            {
                await context.Session.CopyPartAsync(name, uid, part, stream, null, context.CancellationToken);
                stream.Position = 0;
                return stream;
            }
            catch (FileNotFoundException)
            {
                await stream.DisposeAsync();
                return null;
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        });
        return new Decision(file is null ? new AttachmentNotFound() : new RespondWithContent("application/octet-stream", file), []);
    }
}
