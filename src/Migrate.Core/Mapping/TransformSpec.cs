using Migrate.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Migrate.Core.Mapping;

/// <summary>A transform as written in the mapping: its name and its raw argument, with its position.</summary>
public sealed record TransformSpec(string Name, YamlNode? Argument, SourcePosition Position);
