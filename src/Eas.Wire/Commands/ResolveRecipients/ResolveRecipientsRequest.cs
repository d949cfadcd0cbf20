using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Page = Eas.Wire.CodePages.ResolveRecipients;

namespace Eas.Wire.Commands.ResolveRecipients;

/// <summary>
/// A ResolveRecipients request (MS-ASCMD 2.2.1.15): the recipients as typed (To, each an ANR search value of up to 256
/// characters, at most 100, MS-ASCMD 2.2.3.183) and the options. Availability is refused before 14.0 and Picture
/// before 14.1, where the element does not exist. An availability span whose EndTime is not at least 30 minutes after
/// StartTime, or that is longer than <see cref="MaxAvailabilityDays"/> days, is a protocol error (MS-ASCMD 2.2.3.61.1).
/// </summary>
public sealed record ResolveRecipientsRequest(ImmutableArray<string> To, ResolveRecipientsOptions Options)
{
    /// <summary>The most To elements (MS-ASCMD 2.2.3.183: more is undefined and SHOULD be a protocol error).</summary>
    public const int MaxRecipients = 100;

    /// <summary>The longest To value.</summary>
    public const int MaxToLength = 256;

    /// <summary>The longest free/busy span; Exchange 2010 and later use 42 days (MS-ASCMD 2.2.3.61.1, note 37).</summary>
    public const int MaxAvailabilityDays = 42;

    /// <summary>Turns a decoded body into a request.</summary>
    /// <exception cref="EasRequestFormatException">The body is not a ResolveRecipients request.</exception>
    public static ResolveRecipientsRequest Parse(WbxmlElement root, ProtocolVersion version)
    {
        var reader = new RequestReader(EasCommand.ResolveRecipients, version);
        reader.ExpectRoot(root, Page.ResolveRecipientsElement);
        var to = ImmutableArray.CreateBuilder<string>();
        ResolveRecipientsOptions? options = null;
        foreach (var child in root.Children)
        {
            switch (child.Tag)
            {
                case Page.To:
                    if (to.Count == MaxRecipients) throw reader.Fail(child.Tag, $"more than {MaxRecipients} To elements");
                    to.Add(reader.NonEmptyText(child, MaxToLength));
                    break;
                case Page.Options:
                    reader.Once(ref options, child, ReadOptions(reader, child));
                    break;
                default:
                    throw reader.Unexpected(root, child);
            }
        }

        if (to.Count == 0) throw reader.Missing(root, Page.To);
        return new ResolveRecipientsRequest(to.ToImmutable(), options ?? new ResolveRecipientsOptions());
    }

    private static ResolveRecipientsOptions ReadOptions(RequestReader reader, WbxmlElement element)
    {
        CertificateRetrieval? retrieval = null;
        int? maxCertificates = null;
        int? maxAmbiguous = null;
        AvailabilityRequest? availability = null;
        PictureRequest? picture = null;
        foreach (var child in reader.Container(element).Children)
        {
            switch (child.Tag)
            {
                case Page.CertificateRetrieval:
                    reader.Once(ref retrieval, child, (CertificateRetrieval)reader.Int(child, 1, 3));
                    break;
                case Page.MaxCertificates:
                    reader.Once(ref maxCertificates, child, reader.Int(child, 0, 9999));
                    break;
                case Page.MaxAmbiguousRecipients:
                    reader.Once(ref maxAmbiguous, child, reader.Int(child, 0, 9999));
                    break;
                case Page.Availability:
                    reader.RequireVersion(reader.Version >= ProtocolVersion.V140, child, "MS-ASCMD 2.2.3.16");
                    reader.Once(ref availability, child, ReadAvailability(reader, child));
                    break;
                case Page.Picture:
                    reader.RequireVersion(reader.Version >= ProtocolVersion.V141, child, "MS-ASCMD 2.2.3.135.2");
                    reader.Once(ref picture, child, ReadPicture(reader, child));
                    break;
                default:
                    throw reader.Unexpected(element, child);
            }
        }

        return new ResolveRecipientsOptions
        {
            CertificateRetrieval = retrieval ?? CertificateRetrieval.None,
            MaxCertificates = maxCertificates,
            MaxAmbiguousRecipients = maxAmbiguous,
            Availability = availability,
            Picture = picture,
        };
    }

    private static AvailabilityRequest ReadAvailability(RequestReader reader, WbxmlElement element)
    {
        DateTime? start = null;
        DateTime? end = null;
        foreach (var child in reader.Container(element).Children)
        {
            switch (child.Tag)
            {
                case Page.StartTime:
                    reader.Once(ref start, child, reader.UtcDateTime(child));
                    break;
                case Page.EndTime:
                    reader.Once(ref end, child, reader.UtcDateTime(child));
                    break;
                default:
                    throw reader.Unexpected(element, child);
            }
        }

        var startTime = start ?? throw reader.Missing(element, Page.StartTime);
        var endTime = end ?? startTime.AddDays(7);
        if (endTime < startTime.AddMinutes(30))
            throw reader.Fail(Page.EndTime, "EndTime is less than 30 minutes after StartTime (MS-ASCMD 2.2.3.61.1)");
        if (endTime - startTime > TimeSpan.FromDays(MaxAvailabilityDays))
            throw reader.Fail(Page.EndTime, $"EndTime is more than {MaxAvailabilityDays} days after StartTime (MS-ASCMD 2.2.3.61.1)");
        return new AvailabilityRequest(startTime, endTime);
    }

    private static PictureRequest ReadPicture(RequestReader reader, WbxmlElement element)
    {
        int? maxSize = null;
        int? maxPictures = null;
        foreach (var child in reader.Container(element).Children)
        {
            switch (child.Tag)
            {
                case Page.MaxSize:
                    reader.Once(ref maxSize, child, reader.Int(child));
                    break;
                case Page.MaxPictures:
                    reader.Once(ref maxPictures, child, reader.Int(child));
                    break;
                default:
                    throw reader.Unexpected(element, child);
            }
        }

        return new PictureRequest(maxSize, maxPictures);
    }
}
