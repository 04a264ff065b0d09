namespace Migrate.Core.Work;

/// <summary>
/// The intermediate files of one <c>migrate run</c> whose bytes are handed to the next stage while
/// they are written (see <see cref="ByteHandoff"/>), by path. Files not listed are only written.
/// </summary>
public sealed class StageHandoffs(CancellationToken stop) : IDisposable
{
    private readonly Dictionary<string, ByteHandoff> _byPath = new(StringComparer.Ordinal);

    public void Add(string path) => _byPath[Path.GetFullPath(path)] = new ByteHandoff(stop);

    public ByteHandoff? For(string path) => _byPath.GetValueOrDefault(Path.GetFullPath(path));

    public void Dispose()
    {
        foreach (var handoff in _byPath.Values) handoff.Dispose();
    }
}
