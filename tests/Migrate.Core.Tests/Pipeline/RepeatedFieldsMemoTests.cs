using Migrate.Core.Work;

namespace Migrate.Core.Tests.Pipeline;

/// <summary>The record loops' one memo: per column, the last input and what was made of it.</summary>
public sealed class RepeatedFieldsMemoTests
{
    [Fact]
    public void An_input_copied_from_a_reused_buffer_is_remembered_until_the_buffer_changes()
    {
        var memo = new RepeatedFields<byte, int>(2);
        var buffer = "0123"u8.ToArray();
        memo.Set(0, buffer.AsSpan(), 7);
        buffer[0] = (byte)'9';

        memo.TryGet(0, "0123"u8, out var value).ShouldBeTrue();
        value.ShouldBe(7);
        memo.TryGet(0, buffer, out _).ShouldBeFalse();
        memo.TryGet(0, "012"u8, out _).ShouldBeFalse();
        memo.TryGet(1, "0123"u8, out _).ShouldBeFalse();
    }

    [Fact]
    public void Nothing_is_remembered_before_a_first_value_not_even_for_an_empty_input()
    {
        var memo = new RepeatedFields<char, string>(1);

        memo.TryGet(0, "", out _).ShouldBeFalse();
        memo.Set(0, "".AsMemory(), "empty");
        memo.TryGet(0, "", out var value).ShouldBeTrue();
        value.ShouldBe("empty");
    }

    [Fact]
    public void A_long_input_is_remembered_when_it_is_a_string_and_forgotten_when_it_would_be_copied()
    {
        var memo = new RepeatedFields<char, int>(1);
        var text = new string('髙', 300);

        memo.Set(0, text.AsMemory(), 1);
        memo.TryGet(0, new string('髙', 300), out var value).ShouldBeTrue();
        value.ShouldBe(1);

        memo.Set(0, text.AsSpan(), 2);
        memo.TryGet(0, text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Setting_a_column_again_replaces_what_it_remembered()
    {
        var memo = new RepeatedFields<char, int>(1);
        memo.Set(0, "a".AsMemory(), 1);
        memo.Set(0, "b".AsSpan(), 2);

        memo.TryGet(0, "a", out _).ShouldBeFalse();
        memo.TryGet(0, "b", out var value).ShouldBeTrue();
        value.ShouldBe(2);
    }
}
