import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router-dom';
import { ApiProvider } from '../../shared/api/query';
import { AuthProvider } from './auth';
import { AppRoutes } from './routes';

dayjs.locale('zh-cn');

const theme = {
  token: { colorPrimary: '#b71c1c', borderRadius: 6 },
};

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiProvider>
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
