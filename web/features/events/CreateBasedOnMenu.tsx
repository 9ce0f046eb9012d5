import { Button, Menu } from '@mantine/core';
import { IconCalendarEvent, IconChevronDown, IconFilePlus, IconShoppingCart } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Event } from '../../../shared/api/events';

/** «Создать на основании»: a follow-up event or a customer order; neither is stored until its card is saved. */
export function CreateBasedOnMenu({ event }: { event: Event }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconFilePlus size={16} />}
          rightSection={<IconChevronDown size={14} />}
          data-testid="event-based-on"
        >
          {t('events.basedOn.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconCalendarEvent size={16} />}
          data-testid="event-based-on-event"
          onClick={() => navigate(`/events/new?basisId=${encodeURIComponent(event.id)}`)}
        >
          {t('events.basedOn.followUp')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconShoppingCart size={16} />}
          data-testid="event-based-on-order"
          onClick={() => navigate(`/orders/new?basisEvent=${encodeURIComponent(event.id)}`)}
        >
          {t('events.basedOn.customerOrder')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
