#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded here.
echo "The native Prisma schema engine is not installed. Apply migrations with 'npm run db:migrate' and create them with 'npm run db:migration:new -- <name>' (they use Prisma's WebAssembly schema engine)." >&2
exit 1
