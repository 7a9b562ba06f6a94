import { Layout } from './Layout';

export default function HomePage() {
  return (
    <Layout title="群团公众服务">
      <p>请通过组织方发布的链接或二维码进入评选投票、微心愿等页面。</p>
    </Layout>
  );
}
