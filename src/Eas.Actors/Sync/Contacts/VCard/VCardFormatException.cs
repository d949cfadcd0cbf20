namespace Eas.Actors.Sync.Contacts;

/// <summary>
/// The text holds no usable vCard: no BEGIN:VCARD, nothing but broken lines, or it is over the reader's bounds
/// (<see cref="VCardReader.MaxTextLength"/>, <see cref="VCardReader.MaxLineLength"/>). A card with some broken
/// lines is read, not refused (<see cref="VCard.Warnings"/>).
/// </summary>
public sealed class VCardFormatException : Exception
{
    public VCardFormatException()
    {
    }

    public VCardFormatException(string message)
        : base(message)
    {
    }

    public VCardFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
