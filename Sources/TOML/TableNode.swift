/// Mutable table used while parsing. It records how each table came to exist
/// (`origin`) because TOML's redefinition rules depend on it: a table created
/// implicitly by `[a.b]` may later get its own `[a]` header once, while tables
/// created by dotted keys or inline tables can never be reopened.
final class TableNode {
    enum Origin {
        /// Created as an intermediate of a header such as `[a.b]` (here `a`).
        case implicit
        /// Created by its own `[header]`, `[[header]]` element, or the document root.
        case header
        /// Created by a dotted key such as `a.b = 1` (here `a`).
        case dotted
        /// The top of an inline table `{ ... }`.
        case inline
    }

    enum Entry {
        case table(TableNode)
        case arrayOfTables(ArrayOfTables)
        case value(TOMLValue)
    }

    /// Reference type so `[[a]]` headers can append to an array already stored in a parent.
    final class ArrayOfTables {
        var elements: [TableNode]
        init(first: TableNode) { elements = [first] }
    }

    var origin: Origin
    /// Nesting depth in the resulting value tree (root = 0), bounded to keep recursion safe.
    let depth: Int
    /// Absolute key path from the document root, for messages.
    let path: [String]
    var position: TOMLPosition
    private var order: [String] = []
    private var entries: [String: Entry] = [:]
    private var keyPositions: [String: TOMLPosition] = [:]

    init(origin: Origin, depth: Int, path: [String], position: TOMLPosition) {
        self.origin = origin
        self.depth = depth
        self.path = path
        self.position = position
    }

    func freeze() -> TOMLTable {
        var values: [String: TOMLValue] = [:]
        values.reserveCapacity(entries.count)
        for (key, entry) in entries {
            switch entry {
            case .table(let table):
                values[key] = .table(table.freeze())
            case .arrayOfTables(let array):
                values[key] = .array(array.elements.map { .table($0.freeze()) })
            case .value(let value):
                values[key] = value
            }
        }
        return TOMLTable(keys: order, values: values, keyPositions: keyPositions, position: position)
    }

    private func insert(_ entry: Entry, for part: KeyPart) {
        order.append(part.name)
        entries[part.name] = entry
        keyPositions[part.name] = part.position
    }

    private func definedAt(_ name: String) -> String {
        keyPositions[name].map { " (defined at \($0))" } ?? ""
    }

    private static func describe(_ value: TOMLValue) -> String {
        switch value {
        case .table: return "an inline table"
        case .array: return "an array"
        case .integer: return "an integer"
        case .offsetDateTime: return "an offset date-time"
        default: return "a " + value.typeName
        }
    }

    private static func checkDepth(_ depth: Int, _ part: KeyPart, maxDepth: Int) throws(TOMLError) {
        if depth > maxDepth {
            throw TOMLError(message: "tables are nested too deeply (limit is \(maxDepth) levels)", position: part.position)
        }
    }

    // MARK: - key = value

    /// Stores `value` under a possibly dotted key, creating `.dotted` tables on the way.
    func assign(_ parts: [KeyPart], value: TOMLValue, maxDepth: Int) throws(TOMLError) {
        var table = self
        for (index, part) in parts.dropLast().enumerated() {
            let path = parts[...index]
            switch table.entries[part.name] {
            case nil:
                let child = TableNode(origin: .dotted, depth: table.depth + 1, path: table.path + [part.name], position: part.position)
                try Self.checkDepth(child.depth, part, maxDepth: maxDepth)
                table.insert(.table(child), for: part)
                table = child
            case .table(let child)?:
                switch child.origin {
                case .dotted:
                    table = child
                case .implicit, .header, .inline:
                    throw TOMLError(
                        message: "cannot add key \(KeyPart.quoted(parts)) with a dotted key: table [\(KeyPart.display(names: child.path))] was already created by a table header at \(child.position)",
                        position: part.position)
                }
            case .arrayOfTables(let array)?:
                throw TOMLError(
                    message: "cannot add key \(KeyPart.quoted(parts)) with a dotted key: [[\(KeyPart.display(names: table.path + [part.name]))]] is an array of tables (first defined at \(array.elements[0].position))",
                    position: part.position)
            case .value(let existing)?:
                let message: String
                if case .table = existing {
                    message = "cannot add key \(KeyPart.quoted(parts)): inline table \(KeyPart.quoted(path))\(table.definedAt(part.name)) cannot be extended"
                } else {
                    message = "cannot use \(KeyPart.quoted(path)) as a table: it already holds \(Self.describe(existing))\(table.definedAt(part.name))"
                }
                throw TOMLError(message: message, position: part.position)
            }
        }
        let last = parts[parts.count - 1]
        if table.entries[last.name] != nil {
            let first = table.keyPositions[last.name].map { " (first defined at \($0))" } ?? ""
            throw TOMLError(message: "duplicate key \(KeyPart.quoted(parts))\(first)", position: last.position)
        }
        table.insert(.value(value), for: last)
    }

    // MARK: - [table] and [[array of tables]] headers

    /// Resolves a `[a.b.c]` header to the table that following key/values fill.
    static func openTable(_ parts: [KeyPart], in root: TableNode, headerPosition: TOMLPosition, maxDepth: Int) throws(TOMLError) -> TableNode {
        let parent = try walk(parts, in: root, headerPosition: headerPosition, maxDepth: maxDepth)
        let last = parts[parts.count - 1]
        let header = "[\(KeyPart.display(parts))]"
        switch parent.entries[last.name] {
        case nil:
            let table = TableNode(origin: .header, depth: parent.depth + 1, path: parent.path + [last.name], position: headerPosition)
            try checkDepth(table.depth, last, maxDepth: maxDepth)
            parent.insert(.table(table), for: last)
            return table
        case .table(let table)?:
            switch table.origin {
            case .implicit:
                table.origin = .header
                table.position = headerPosition
                parent.keyPositions[last.name] = last.position
                return table
            case .header, .inline:
                throw TOMLError(message: "table \(header) is defined more than once (first defined at \(table.position))", position: last.position)
            case .dotted:
                throw TOMLError(message: "table \(header) was already defined with dotted keys\(parent.definedAt(last.name))", position: last.position)
            }
        case .arrayOfTables(let array)?:
            throw TOMLError(message: "table \(header) conflicts with the array of tables [\(header)] first defined at \(array.elements[0].position)", position: last.position)
        case .value(let existing)?:
            throw TOMLError(message: "cannot define table \(header): key \(KeyPart.quoted(parts)) already holds \(describe(existing))\(parent.definedAt(last.name))", position: last.position)
        }
    }

    /// Resolves a `[[a.b]]` header by appending a fresh table to the array `a.b`.
    static func appendArrayElement(_ parts: [KeyPart], in root: TableNode, headerPosition: TOMLPosition, maxDepth: Int) throws(TOMLError) -> TableNode {
        let parent = try walk(parts, in: root, headerPosition: headerPosition, maxDepth: maxDepth)
        let last = parts[parts.count - 1]
        let header = "[[\(KeyPart.display(parts))]]"
        let element = TableNode(origin: .header, depth: parent.depth + 2, path: parent.path + [last.name], position: headerPosition)
        try checkDepth(element.depth, last, maxDepth: maxDepth)
        switch parent.entries[last.name] {
        case nil:
            parent.insert(.arrayOfTables(ArrayOfTables(first: element)), for: last)
        case .arrayOfTables(let array)?:
            array.elements.append(element)
        case .table(let table)?:
            throw TOMLError(message: "array of tables \(header) conflicts with table [\(KeyPart.display(parts))] defined at \(table.position)", position: last.position)
        case .value(let existing)?:
            let note = if case .array = existing { " (arrays written with [ ] cannot be extended)" } else { "" }
            throw TOMLError(message: "cannot define array of tables \(header): key \(KeyPart.quoted(parts)) already holds \(describe(existing))\(parent.definedAt(last.name))\(note)", position: last.position)
        }
        return element
    }

    /// Follows all but the last header component, creating implicit tables and
    /// descending into the newest element of arrays of tables.
    private static func walk(_ parts: [KeyPart], in root: TableNode, headerPosition: TOMLPosition, maxDepth: Int) throws(TOMLError) -> TableNode {
        var table = root
        for (index, part) in parts.dropLast().enumerated() {
            switch table.entries[part.name] {
            case nil:
                let child = TableNode(origin: .implicit, depth: table.depth + 1, path: table.path + [part.name], position: headerPosition)
                try checkDepth(child.depth, part, maxDepth: maxDepth)
                table.insert(.table(child), for: part)
                table = child
            case .table(let child)?:
                table = child
            case .arrayOfTables(let array)?:
                table = array.elements[array.elements.count - 1]
            case .value(let existing)?:
                let path = parts[...index]
                let reason = if case .table = existing { " (inline tables cannot be extended)" } else { "" }
                throw TOMLError(
                    message: "cannot define table [\(KeyPart.display(parts))]: key \(KeyPart.quoted(path)) already holds \(describe(existing))\(table.definedAt(part.name))\(reason)",
                    position: part.position)
            }
        }
        return table
    }
}
