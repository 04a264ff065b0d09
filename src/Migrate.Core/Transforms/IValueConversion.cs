namespace Migrate.Core.Transforms;

/// <summary>A transform whose conversion depends on the value alone (<see cref="ValueConversion{TResult}"/>).</summary>
internal interface IValueConversion : ITransform
{
    /// <summary>
    /// This transform with a memo of its own, for one item of one row loop: a value equal to the one
    /// converted last is not converted again. The result is the same as <see cref="ITransform.TryApply"/>'s.
    /// </summary>
    ITransform WithMemo();
}
