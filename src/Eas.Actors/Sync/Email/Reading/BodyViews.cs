namespace Eas.Actors.Sync.Email.Reading;

/// <summary>Which forms of a body part a reader needs: as plain text, as HTML, or both.</summary>
[Flags]
public enum BodyViews
{
    None = 0,
    Plain = 1,
    Html = 2,
    Both = Plain | Html,
}
