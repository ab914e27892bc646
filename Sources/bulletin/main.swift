import BulletinCLI
import Foundation

exit(BulletinCommand.main(Array(CommandLine.arguments.dropFirst()), console: .standard()).rawValue)
