import Vapor

public func configure(_ app: Application) throws {
    app.ivymail.apiKey = "%KEY%"
    try routes(app)
}
