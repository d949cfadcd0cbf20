using System.Globalization;

namespace Eas.Mail.Mime.Writing;

/// <summary>
/// A multipart the writer lays out (RFC 2046 section 5.1.1): its body parts between delimiter lines of a
/// boundary the writer chose, with no preamble or epilogue. The subtype and the parameters other than the
/// boundary (a multipart/related "type" and "start") are kept from the multipart it stands for.
/// </summary>
internal sealed class MultipartEntity : MimeEntity
{
    private readonly string _mimeType;
    private readonly IReadOnlyList<MimeParameter> _parameters;
    private readonly int _number;
    private readonly List<MimeEntity> _children;

    /// <param name="fields">The fields to copy; its Content-Type and Content-Transfer-Encoding are left out.</param>
    /// <param name="type">The type to write, with the boundary replaced.</param>
    /// <param name="children">The body parts, in order.</param>
    /// <param name="number">Distinguishes this multipart's boundary from the others' in the same message.</param>
    public MultipartEntity(IEnumerable<HeaderField> fields, ContentType type, IEnumerable<MimeEntity> children, int number)
        : base(WithoutTypeAndEncoding(fields))
    {
        _mimeType = type.MimeType;
        _parameters = type.Parameters.Where(p => !p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase)).ToList();
        _children = [.. children];
        _number = number;
    }

    public override IReadOnlyList<MimeEntity> Children => _children;

    /// <summary>
    /// The boundary: "=_", the message's random token, "_" and a four-digit number. "=_" cannot occur in
    /// quoted-printable or base64 (RFC 2045 section 6.7 suggests it for that reason), the token is checked
    /// against every byte the message copies, and equal lengths keep one boundary from being a prefix of another.
    /// </summary>
    public string Boundary(string token) => "=_" + token + "_" + _number.ToString("D4", CultureInfo.InvariantCulture);

    public override void WriteOwnFields(MimeOutput output, string boundaryToken)
    {
        var parameters = new ParameterList([.. _parameters, new MimeParameter("boundary", Boundary(boundaryToken))]);
        output.Write(HeaderText.Field("Content-Type", _mimeType + parameters));
    }

    public override async ValueTask WriteBodyAsync(MimeOutput output, string boundaryToken, CancellationToken cancellationToken)
    {
        var delimiter = "--" + Boundary(boundaryToken);
        foreach (var child in _children)
        {
            output.WriteLine(delimiter);
            foreach (var field in child.Fields) output.WriteField(field);
            child.WriteOwnFields(output, boundaryToken);
            output.WriteCrlf();
            await child.WriteBodyAsync(output, boundaryToken, cancellationToken).ConfigureAwait(false);
            // The line break before a delimiter belongs to the delimiter (RFC 2046 section 5.1.1).
            output.WriteCrlf();
        }

        output.WriteLine(delimiter + "--");
    }

    public override IEnumerable<CopiedRange> CopiedRanges() => [];
}
