// Express handlers for the same orders API, with the same mistakes as orders-api.yaml.
import express from 'express';

const app = express();
app.use(express.json());

app.put('/orders/:id', async (req, res) => {
  const order = await orders.find(req.params.id);
  if (order.lockedBy && order.lockedBy !== req.user.id) {
    return res.status(424).json({ error: 'The order is locked by another user' });
  }
  res.json(await orders.replace(order.id, req.body));
});

app.delete('/orders/:id', async (req, res) => {
  const deleted = await orders.remove(req.params.id);
  if (!deleted) {
    return res.sendStatus(424);
  }
  res.sendStatus(204);
});

app.get('/orders/:id/invoice', async (req, res) => {
  try {
    res.json(await billing.invoiceFor(req.params.id));
  } catch (error) {
    res.status(424).send('The billing service timed out');
  }
});

// A correct use: in a batch, a change that depends on a failed one gets 424.
app.post('/orders/batch', async (req, res) => {
  const results = [];
  let failed = false;
  for (const change of req.body.changes) {
    if (failed) {
      results.push({ id: change.id, status: 424, error: 'Not applied: an earlier change in the batch failed' });
      continue;
    }
    const result = await orders.apply(change);
    failed = !result.ok;
    results.push({ id: change.id, status: result.ok ? 200 : 409 });
  }
  res.status(207).json(results);
});

declare const orders: any;
declare const billing: any;
