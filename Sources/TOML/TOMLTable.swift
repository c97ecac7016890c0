/// A decoded TOML table that remembers key order and where each key came from,
/// so configuration code can report errors against the user's file.
///
/// Equality is semantic: it compares keys and values only, ignoring key order
/// and source positions, so two spellings of the same document compare equal.
public struct TOMLTable: Sendable, Equatable {
    /// Keys in the order they were first defined in the source.
    public private(set) var keys: [String]
    /// Where the table header or inline table started; 1:1 for the root table.
    public private(set) var position: TOMLPosition
    private var values: [String: TOMLValue]
    private var keyPositions: [String: TOMLPosition]

    public init() {
        self.init(keys: [], values: [:], keyPositions: [:], position: TOMLPosition(line: 1, column: 1))
    }

    /// Builds a table in code (tests, defaults); its keys have no source positions.
    public init(_ elements: KeyValuePairs<String, TOMLValue>) {
        self.init()
        for (key, value) in elements where values.updateValue(value, forKey: key) == nil {
            keys.append(key)
        }
    }

    init(keys: [String], values: [String: TOMLValue], keyPositions: [String: TOMLPosition], position: TOMLPosition) {
        self.keys = keys
        self.values = values
        self.keyPositions = keyPositions
        self.position = position
    }

    public subscript(key: String) -> TOMLValue? { values[key] }

    /// Where `key` was defined (its header or dotted-key component), or nil if absent.
    public func position(of key: String) -> TOMLPosition? { keyPositions[key] }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        lhs.values == rhs.values
    }
}
