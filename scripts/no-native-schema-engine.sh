#!/bin/sh
echo "Prisma's native schema engine is not available offline. Use: npm run db:migrate (apply) or npm run db:new-migration (author)." >&2
exit 1
