using System.Text;

namespace Eas.Mail.Mime;

/// <summary>
/// Turns HTML into readable plain text for a phone that asked for text when a message has only HTML. It is a
/// single forward pass over the characters with a fixed number of small bounded buffers, so time is linear and
/// memory constant whatever the input (no DOM, no backtracking). It drops script, style, title, head and
/// comments; makes block elements and &lt;br&gt; into line ends; decodes character references; collapses
/// blanks; and writes a link's URL in angle brackets after its text ("Docs &lt;https://...&gt;"). Text can be
/// fed in pieces with <see cref="Write"/>; <see cref="Complete"/> ends it.
/// </summary>
public sealed partial class HtmlToText
{
    private const int MaxName = 16;
    private const int MaxValue = 2048;
    private const int MaxReference = 32;

    private readonly HtmlTextLayout _layout;
    private readonly StringBuilder _name = new();
    private readonly StringBuilder _attributeName = new();
    private readonly StringBuilder _value = new();
    private readonly StringBuilder _reference = new();
    private State _state;
    private bool _endTag;
    private char _quote;
    private int _dashes;
    private string? _rawTag;
    private bool _inHead;
    private string? _tagHref;
    private string? _openHref;

    public HtmlToText(TextWriter output) => _layout = new HtmlTextLayout(output);

    private enum State
    {
        Data,
        Reference,
        TagOpen,
        EndTagOpen,
        TagName,
        InTag,
        AttributeName,
        AfterAttributeName,
        BeforeValue,
        QuotedValue,
        UnquotedValue,
        MarkupDeclaration,
        Comment,
        Bogus,
    }

    /// <summary>Converts a whole HTML text.</summary>
    public static string Convert(string html)
    {
        using var output = new StringWriter();
        var converter = new HtmlToText(output);
        converter.Write(html);
        converter.Complete();
        return output.ToString();
    }

    /// <summary>Feeds the next piece of HTML; pieces may split anything, even a tag or a reference.</summary>
    public void Write(ReadOnlySpan<char> html)
    {
        foreach (var c in html) Step(c);
    }

    /// <summary>Ends the input, writing out a "&lt;" or reference left open at the end.</summary>
    public void Complete()
    {
        if (_state == State.Reference) FlushReference(terminated: false);
        else if (_state == State.TagOpen) Emit('<');
        _state = State.Data;
        CloseLink();
    }

    private void Step(char c)
    {
        switch (_state)
        {
            case State.Data:
                if (c == '<') _state = State.TagOpen;
                else if (c == '&' && Visible) StartReference();
                else Emit(c);
                break;
            case State.Reference:
                if (c == ';') FlushReference(terminated: true);
                else if ((char.IsAsciiLetterOrDigit(c) || c == '#') && _reference.Length < MaxReference) _reference.Append(c);
                else
                {
                    FlushReference(terminated: false);
                    Step(c);
                }

                break;
            case State.TagOpen:
                StepTagOpen(c);
                break;
            case State.EndTagOpen:
                if (char.IsAsciiLetter(c)) StartName(c, endTag: true);
                else _state = c == '>' ? State.Data : State.Bogus;
                break;
            case State.TagName:
                if (c == '>') FinishTag();
                else if (char.IsWhiteSpace(c) || c == '/') _state = State.InTag;
                else if (_name.Length < MaxName) _name.Append(char.ToLowerInvariant(c));
                break;
            default:
                StepMarkup(c);
                break;
        }
    }

    private bool Visible => _rawTag is null && !_inHead;

    private void StepTagOpen(char c)
    {
        _state = State.Data;
        if (c == '/') _state = State.EndTagOpen;
        else if (_rawTag is not null) return;
        else if (char.IsAsciiLetter(c)) StartName(c, endTag: false);
        else if (c == '!')
        {
            _dashes = 0;
            _state = State.MarkupDeclaration;
        }
        else if (c == '?') _state = State.Bogus;
        else
        {
            Emit('<');
            Step(c);
        }
    }

    private void StepMarkup(char c)
    {
        switch (_state)
        {
            case State.InTag or State.AfterAttributeName:
                if (c == '>') FinishTag();
                else if (c == '=' && _state == State.AfterAttributeName) _state = State.BeforeValue;
                else if (!char.IsWhiteSpace(c) && c != '/') StartAttribute(c);
                break;
            case State.AttributeName:
                if (c == '>') FinishTag();
                else if (c == '=') _state = State.BeforeValue;
                else if (char.IsWhiteSpace(c) || c == '/') _state = State.AfterAttributeName;
                else if (_attributeName.Length < MaxName) _attributeName.Append(char.ToLowerInvariant(c));
                break;
            case State.BeforeValue:
                if (c == '>') FinishTag();
                else if (c is '"' or '\'') (_quote, _state) = (c, State.QuotedValue);
                else if (!char.IsWhiteSpace(c)) (_state, _quote) = (State.UnquotedValue, '\0');
                if (_state == State.UnquotedValue) AppendValue(c);
                break;
            case State.QuotedValue:
                if (c == _quote) EndValue();
                else AppendValue(c);
                break;
            case State.UnquotedValue:
                if (c == '>')
                {
                    EndValue();
                    FinishTag();
                }
                else if (char.IsWhiteSpace(c)) EndValue();
                else AppendValue(c);
                break;
            case State.MarkupDeclaration:
                if (c == '-' && ++_dashes == 2) _state = State.Comment;
                else if (c != '-') _state = c == '>' ? State.Data : State.Bogus;
                break;
            case State.Comment:
                if (c == '>' && _dashes >= 2) _state = State.Data;
                _dashes = c == '-' ? _dashes + 1 : 0;
                break;
            case State.Bogus:
                if (c == '>') _state = State.Data;
                break;
        }
    }

    private void StartName(char c, bool endTag)
    {
        _name.Clear().Append(char.ToLowerInvariant(c));
        _endTag = endTag;
        _tagHref = null;
        _state = State.TagName;
    }

    private void StartAttribute(char c)
    {
        _attributeName.Clear().Append(char.ToLowerInvariant(c));
        _value.Clear();
        _state = State.AttributeName;
    }

    private void AppendValue(char c)
    {
        if (_value.Length < MaxValue) _value.Append(c);
    }

    private void EndValue()
    {
        _state = State.InTag;
        if (_name.Equals("a".AsSpan()) && _attributeName.Equals("href".AsSpan())) _tagHref = HtmlEntities.Decode(_value.ToString()).Trim();
    }

    private void StartReference()
    {
        _reference.Clear();
        _state = State.Reference;
    }

    private void FlushReference(bool terminated)
    {
        _state = State.Data;
        var body = _reference.ToString();
        if (HtmlEntities.Resolve(body, out var value))
        {
            foreach (var c in value)
            {
                if (c == '\u00A0') _layout.Literal(' ');
                else _layout.Text(c);
            }

            return;
        }

        Emit('&');
        foreach (var c in body) Emit(c);
        if (terminated) Emit(';');
    }

    private void Emit(char c)
    {
        if (Visible) _layout.Text(c);
    }
}
