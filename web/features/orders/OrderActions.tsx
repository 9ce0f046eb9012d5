import { Button, Menu } from '@mantine/core';
import { IconCheck, IconChevronDown, IconPrinter, IconTruckDelivery, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../shared/api/orders';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/notify';
import { printUrl, useOrderAction, useShipOrder, type OrderAction } from './orders.queries';

interface Props {
  order: Order;
  /** Writes unsaved changes first; resolves whether the card is saved. */
  saveFirst: () => Promise<boolean>;
}

/** «Провести», «Отгрузить», «Отменить» of a saved order, as its state allows. */
export function OrderActions({ order, saveFirst }: Props) {
  const { t } = useTranslation();
  const action = useOrderAction(order.id);
  const ship = useShipOrder(order.id);
  const busy = action.isPending || ship.isPending;

  const run = async (a: OrderAction) => {
    if (!(await saveFirst())) return;
    action.mutate(a, {
      onSuccess: () => notifySuccess(t(a === 'confirm' ? 'orders.confirmedDone' : 'orders.cancelledDone')),
      onError: (err) => notifyError(err, t),
    });
  };
  const doShip = async () => {
    if (!(await saveFirst())) return;
    ship.mutate(undefined, {
      onSuccess: (sale) => notifySuccess(t('orders.shippedDone', { number: sale.number })),
      onError: (err) => notifyError(err, t),
    });
  };

  return (
    <>
      {order.state === 'draft' && (
        <Button
          leftSection={<IconCheck size={16} />}
          onClick={() => void run('confirm')}
          loading={action.isPending}
          disabled={busy}
          data-testid="order-confirm"
        >
          {t('orders.confirm')}
        </Button>
      )}
      {order.state === 'confirmed' && (
        <Button
          leftSection={<IconTruckDelivery size={16} />}
          color="green"
          onClick={() => void doShip()}
          loading={ship.isPending}
          disabled={busy}
          data-testid="order-ship"
        >
          {t('orders.ship')}
        </Button>
      )}
      {(order.state === 'draft' || order.state === 'confirmed') && (
        <ConfirmButton
          variant="light"
          color="red"
          leftSection={<IconX size={16} />}
          testId="order-cancel"
          question={t('orders.cancelQuestion', { number: order.number })}
          confirmLabel={t('orders.cancelOrder')}
          onConfirm={() => void run('cancel')}
          disabled={busy}
        >
          {t('orders.cancelOrder')}
        </ConfirmButton>
      )}
    </>
  );
}

/** «Печать»: the PDF in a new tab, or the HTML form to print from the browser. */
export function OrderPrintMenu({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} />}
          rightSection={<IconChevronDown size={14} />}
          data-testid="order-print"
        >
          {t('orders.print')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={printUrl(orderId, 'pdf')} target="_blank" rel="noopener" data-testid="order-print-pdf">
          {t('orders.printPdf')}
        </Menu.Item>
        <Menu.Item component="a" href={printUrl(orderId, 'html')} target="_blank" rel="noopener" data-testid="order-print-html">
          {t('orders.printHtml')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
