using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Migrate.Core.Authoring;

/// <summary>
/// Writes a commented YAML document through YamlDotNet's emitter (the representation model cannot
/// carry comments, and a draft for people needs its TODOs).
/// </summary>
internal sealed class YamlDraftWriter : IDisposable
{
    private readonly StringWriter _text = new(System.Globalization.CultureInfo.InvariantCulture);
    private readonly Emitter _emitter;

    public YamlDraftWriter()
    {
        _emitter = new Emitter(_text, 2, int.MaxValue);
        _emitter.Emit(new StreamStart());
        _emitter.Emit(new DocumentStart());
    }

    public YamlDraftWriter Comment(string text, bool inline = false)
    {
        _emitter.Emit(new Comment(text, inline));
        return this;
    }

    public YamlDraftWriter Scalar(string value, bool quoted = false)
    {
        _emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, quoted ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, quoted));
        return this;
    }

    public YamlDraftWriter Pair(string key, string value, bool quoted = false) => Scalar(key).Scalar(value, quoted);

    public YamlDraftWriter BeginMap(bool flow = false)
    {
        _emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, flow ? MappingStyle.Flow : MappingStyle.Block));
        return this;
    }

    public YamlDraftWriter EndMap()
    {
        _emitter.Emit(new MappingEnd());
        return this;
    }

    public YamlDraftWriter BeginList(bool flow = false)
    {
        _emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
        return this;
    }

    public YamlDraftWriter EndList()
    {
        _emitter.Emit(new SequenceEnd());
        return this;
    }

    public void Dispose() => _text.Dispose();

    public string Finish()
    {
        _emitter.Emit(new DocumentEnd(true));
        _emitter.Emit(new StreamEnd());
        return _text.ToString();
    }
}
