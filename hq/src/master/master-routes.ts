import { z } from 'zod';
import { registerAdminScope } from '../auth/admin-auth';
import type { RouteRegistrar } from '../hq-context';
import { parseInput } from '../http/parse-input';
import { deleteProduct, productListSchema, setProductPrice, upsertProducts } from './products';
import { hqStockInputSchema, recordHqStockMovement } from './stock';
import { deleteStoreSetting, putStoreSetting, settingValueInputSchema } from './store-settings';
import { deleteUser, toUserRecords, upsertUsers, userListSchema } from './users';

const idParams = z.object({ id: z.string().min(1).max(64) });
const storeParams = z.object({ storeId: z.string().min(1) });
const settingParams = z.object({ storeId: z.string().min(1), key: z.string().min(1).max(80) });
const priceBody = z.object({ priceCents: z.number().int().min(0).max(100_000_000) }).strict();

/**
 * Master data, admin token required. Every change gets a change number terminals pull by.
 * - PUT    /api/admin/products [ProductInput…] → UpsertSummary {received, changed, lastChangeNo}
 * - PATCH  /api/admin/products/:id/price {priceCents} → ProductView
 * - DELETE /api/admin/products/:id → ProductView (tombstone)
 * - PUT    /api/admin/users [UserInput…] (pinHash or pin) → UpsertSummary
 * - DELETE /api/admin/users/:id → UserView (tombstone)
 * - PUT    /api/admin/stores/:storeId/settings/:key {value} → StoreSettingView
 * - DELETE /api/admin/stores/:storeId/settings/:key → StoreSettingView (tombstone)
 * - POST   /api/admin/stores/:storeId/stock {productId, quantityMilli, reason, note?} → 201 HqStockMovementView
 */
export const registerMasterRoutes: RouteRegistrar = (app, ctx) => {
  registerAdminScope(app, ctx, (admin) => {
    admin.put('/api/admin/products', async (request) =>
      upsertProducts(ctx, parseInput(productListSchema, request.body)),
    );
    admin.patch('/api/admin/products/:id/price', async (request) => {
      const { id } = parseInput(idParams, request.params);
      return setProductPrice(ctx, id, parseInput(priceBody, request.body).priceCents);
    });
    admin.delete('/api/admin/products/:id', async (request) =>
      deleteProduct(ctx, parseInput(idParams, request.params).id),
    );

    admin.put('/api/admin/users', async (request) => {
      const users = await toUserRecords(parseInput(userListSchema, request.body));
      return upsertUsers(ctx, users);
    });
    admin.delete('/api/admin/users/:id', async (request) =>
      deleteUser(ctx, parseInput(idParams, request.params).id),
    );

    admin.put('/api/admin/stores/:storeId/settings/:key', async (request) => {
      const { storeId, key } = parseInput(settingParams, request.params);
      return putStoreSetting(ctx, storeId, key, parseInput(settingValueInputSchema, request.body).value);
    });
    admin.delete('/api/admin/stores/:storeId/settings/:key', async (request) => {
      const { storeId, key } = parseInput(settingParams, request.params);
      return deleteStoreSetting(ctx, storeId, key);
    });

    admin.post('/api/admin/stores/:storeId/stock', async (request, reply) => {
      const { storeId } = parseInput(storeParams, request.params);
      const movement = await recordHqStockMovement(
        ctx,
        storeId,
        parseInput(hqStockInputSchema, request.body),
      );
      return reply.code(201).send(movement);
    });
  });
};
