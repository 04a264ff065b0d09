using System.Buffers;

namespace Migrate.Core.Work;

/// <summary>
/// Gathers written bytes into chunks of <see cref="Size"/> rented from the shared pool and passes
/// each full one to <paramref name="pass"/>, which then owns it (and returns it to the pool once
/// used). The streams that hand a file's bytes to another thread fill their chunks with it.
/// </summary>
internal sealed class PooledChunks(Action<byte[], int> pass)
{
    public const int Size = 1 << 18;

    private byte[] _chunk = ArrayPool<byte>.Shared.Rent(Size);
    private int _length;

    /// <summary>Appends <paramref name="bytes"/>, passing every chunk they fill.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(bytes.Length, Size - _length);
            bytes[..take].CopyTo(_chunk.AsSpan(_length));
            _length += take;
            bytes = bytes[take..];
            if (_length == Size) Pass();
        }
    }

    /// <summary>Passes the chunk being filled, if it holds anything.</summary>
    public void PassPartial()
    {
        if (_length > 0) Pass();
    }

    /// <summary>Returns the chunk being filled (not passed) to the pool; the instance is done.</summary>
    public void Release()
    {
        ArrayPool<byte>.Shared.Return(_chunk);
        _chunk = [];
        _length = 0;
    }

    // When pass throws, the chunk stays here (Release returns it).
    private void Pass()
    {
        pass(_chunk, _length);
        _chunk = ArrayPool<byte>.Shared.Rent(Size);
        _length = 0;
    }
}
