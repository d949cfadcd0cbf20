using System.Collections.Immutable;
using Eas.Wire.CodePages;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;
using SearchPage = Eas.Wire.CodePages.Search;

namespace Eas.Wire.Commands.Search;

/// <summary>Parses a Search Query tree (MS-ASCMD 2.2.3.147.2) and the Search Options (2.2.3.125.5).</summary>
internal static class SearchQueryReader
{
    /// <summary>How deep And and Or may nest: a phone sends one And; anything deeper is refused before it costs work.</summary>
    private const int MaxDepth = 8;

    /// <summary>The query of a mailbox or document library search: one element (And, usually).</summary>
    public static SearchCriterion ReadQuery(in RequestReader reader, WbxmlElement query)
    {
        SearchCriterion? only = null;
        foreach (var child in reader.NonEmptyContainer(query).Children)
            reader.Once(ref only, child, ReadCriterion(reader, query, child, 0));
        return only!;
    }

    private static SearchCriterion ReadCriterion(in RequestReader reader, WbxmlElement parent, WbxmlElement element, int depth)
    {
        switch (element.Tag)
        {
            case SearchPage.And or SearchPage.Or:
                if (depth >= MaxDepth) throw reader.Fail(element.Tag, $"search:And and search:Or nest deeper than {MaxDepth}");
                var children = ImmutableArray.CreateBuilder<SearchCriterion>();
                foreach (var child in reader.NonEmptyContainer(element).Children)
                    children.Add(ReadCriterion(reader, element, child, depth + 1));
                return new SearchCriterion(element.Tag == SearchPage.And ? SearchCriterionKind.And : SearchCriterionKind.Or) { Children = children.ToImmutable() };
            case SearchPage.FreeText:
                return new SearchCriterion(SearchCriterionKind.FreeText) { Value = reader.Text(element) };
            case SearchPage.ConversationId:
                if (element.HasChildren || element.RawValue.IsEmpty || element.RawValue.Length > 256)
                    throw reader.Fail(element.Tag, "search:ConversationId must hold the conversation's bytes");
                return new SearchCriterion(SearchCriterionKind.ConversationId) { Value = Convert.ToBase64String(element.RawValue.Span) };
            case AirSync.Class:
                return new SearchCriterion(SearchCriterionKind.Class) { Value = reader.NonEmptyText(element, 64) };
            case AirSync.CollectionId:
                return new SearchCriterion(SearchCriterionKind.CollectionId) { Value = reader.NonEmptyText(element, 64) };
            case SearchPage.EqualTo:
                return ReadComparison(reader, element, SearchCriterionKind.EqualTo);
            case SearchPage.GreaterThan:
                return ReadComparison(reader, element, SearchCriterionKind.GreaterThan);
            case SearchPage.LessThan:
                return ReadComparison(reader, element, SearchCriterionKind.LessThan);
            default:
                throw reader.Unexpected(parent, element);
        }
    }

    /// <summary>EqualTo, GreaterThan, LessThan: an empty property element (email:DateReceived) and search:Value (2.2.3.64, 2.2.3.80, 2.2.3.98).</summary>
    private static SearchCriterion ReadComparison(in RequestReader reader, WbxmlElement element, SearchCriterionKind kind)
    {
        ushort? property = null;
        string? value = null;
        foreach (var child in reader.NonEmptyContainer(element).Children)
        {
            if (child.Tag == SearchPage.Value)
            {
                reader.Once(ref value, child, reader.Text(child));
                continue;
            }

            if (child.Tag >> 8 == SearchPage.PageNumber) throw reader.Unexpected(element, child);
            reader.Empty(child);
            reader.Once(ref property, child, child.Tag);
        }

        if (property is null) throw reader.Fail(element.Tag, $"{CodePageTable.Describe(element.Tag)} names no property");
        if (value is null) throw reader.Missing(element, SearchPage.Value);
        return new SearchCriterion(kind) { Property = property, Value = value };
    }

    public static SearchOptions ReadOptions(in RequestReader reader, WbxmlElement options)
    {
        string? range = null, userName = null, password = null;
        bool? deep = null, rebuild = null, rightsManagement = null;
        WbxmlElement? schema = null;
        SearchPictureOptions? picture = null;
        long? mimeSupport = null;
        var bodyPreferences = ImmutableArray.CreateBuilder<BodyPreference>();
        var bodyPartPreferences = ImmutableArray.CreateBuilder<BodyPreference>();
        foreach (var child in reader.Container(options).Children)
        {
            switch (child.Tag)
            {
                case SearchPage.Range:
                    var rangeText = reader.NonEmptyText(child, 32);
                    reader.Once(ref range, child, rangeText);
                    if (!SearchRange.TryParse(rangeText, out _)) throw reader.Fail(child.Tag, $"search:Range is '{range}', not m-n with m <= n");
                    break;
                case SearchPage.UserName:
                    reader.Once(ref userName, child, reader.Text(child));
                    break;
                case SearchPage.Password:
                    reader.Once(ref password, child, reader.Text(child));
                    break;
                case SearchPage.DeepTraversal:
                    reader.Empty(child);
                    reader.Once(ref deep, child, true);
                    break;
                case SearchPage.RebuildResults:
                    reader.Empty(child);
                    reader.Once(ref rebuild, child, true);
                    break;
                case SearchPage.Schema:
                    reader.Once(ref schema, child, reader.Container(child));
                    break;
                case SearchPage.Picture:
                    reader.RequireVersion(SearchVersionRules.AllowsPicture(reader.Version), child, "MS-ASCMD 2.2.3.135.3");
                    reader.Once(ref picture, child, ReadPicture(reader, child));
                    break;
                case AirSync.MIMESupport:
                    reader.Once(ref mimeSupport, child, reader.Number(child, 0, (long)SyncMimeSupport.Always));
                    break;
                case AirSyncBase.BodyPreference:
                    bodyPreferences.Add(BodyPreferenceReader.Read(reader, child));
                    break;
                case AirSyncBase.BodyPartPreference:
                    reader.RequireVersion(SearchVersionRules.AllowsPicture(reader.Version), child, "MS-ASAIRS 2.2.2.11");
                    bodyPartPreferences.Add(BodyPreferenceReader.Read(reader, child));
                    break;
                case RightsManagement.RightsManagementSupport:
                    reader.RequireVersion(SearchVersionRules.AllowsPicture(reader.Version), child, "MS-ASRM 2.2.2.15");
                    reader.Once(ref rightsManagement, child, reader.Flag(child));
                    break;
                default:
                    throw reader.Unexpected(options, child);
            }
        }

        SearchRange? parsedRange = range is not null && SearchRange.TryParse(range, out var r) ? r : null;
        return new SearchOptions
        {
            Range = parsedRange,
            UserName = userName,
            Password = password,
            DeepTraversal = deep ?? false,
            RebuildResults = rebuild ?? false,
            Schema = schema,
            Picture = picture,
            MimeSupport = (SyncMimeSupport?)mimeSupport,
            BodyPreferences = bodyPreferences.ToImmutable(),
            BodyPartPreferences = bodyPartPreferences.ToImmutable(),
            RightsManagementSupport = rightsManagement,
        };
    }

    private static SearchPictureOptions ReadPicture(in RequestReader reader, WbxmlElement picture)
    {
        long? maxSize = null;
        int? maxPictures = null;
        foreach (var child in reader.Container(picture).Children)
        {
            switch (child.Tag)
            {
                case SearchPage.MaxSize:
                    reader.Once(ref maxSize, child, reader.Number(child, 0, uint.MaxValue));
                    break;
                case SearchPage.MaxPictures:
                    reader.Once(ref maxPictures, child, reader.Int(child));
                    break;
                default:
                    throw reader.Unexpected(picture, child);
            }
        }

        return new SearchPictureOptions(maxSize, maxPictures);
    }
}
